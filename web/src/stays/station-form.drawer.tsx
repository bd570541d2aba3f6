import { App, Button, Col, Drawer, Form, Input, Row, Select, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { stationInputSchema, stayDegreeLevels } from '../../../contracts/stays';
import { createStation } from '../api/stays.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { StationLineError, blackoutsFrom, photosFrom, roomsFrom, stationFieldFor, stationInputFrom, type StationFormValues } from './station-input';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };
const shape = stationInputSchema.shape;
const rules = shape.rules.shape;
const whole = (value: unknown) => Number(String(value).trim());

/** Each line of a list typed one item a line must parse (the contract then checks the list). */
function linesRule(parse: (text: string) => unknown, t: TFunction): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      try {
        parse(value ?? '');
      } catch (error) {
        if (!(error instanceof StationLineError)) throw error;
        throw new Error(t('stays.admin.badLine', { field: t(`stays.admin.${error.field}`), line: error.line }));
      }
    },
  };
}

/** Hub admins open a youth station: names, address, rules, calendar, rooms and beds, blackouts. */
export function StationFormDrawer({
  hub,
  open,
  today,
  onClose,
  onCreated,
}: {
  hub: string;
  open: boolean;
  today: string;
  onClose: () => void;
  onCreated: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<StationFormValues>();
  const rule = (schema: z.ZodType, optional = false, toInput?: (value: unknown) => unknown) => [zodRule(schema, fieldText, { optional, toInput })];
  const listRule = (schema: z.ZodType, parse: (text: string) => unknown, optional = false) => [
    linesRule(parse, t),
    zodRule(schema, fieldText, { optional, toInput: (value) => parse(String(value)) }),
  ];

  const save = useFormMutation({
    form,
    fieldFor: stationFieldFor,
    mutationFn: (values: StationFormValues) => createStation(hub, stationInputFrom(values)),
    onSuccess: async () => {
      message.success(t('stays.admin.created'));
      form.resetFields();
      await onCreated();
      onClose();
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('stays.admin.newStation')}
      extra={
        <Button type="primary" loading={save.submitting} onClick={() => form.submit()}>
          {t('stays.admin.create')}
        </Button>
      }
    >
      <FormFailure failure={save.failure} />
      <Form<StationFormValues>
        name="station"
        form={form}
        layout="vertical"
        initialValues={{
          opensOn: today,
          minDegree: 'junior_college',
          maxNightsPerStay: '6',
          maxNightsLifetime: '6',
          graduatedWithinMonths: '24',
          noShowHour: '22',
          rooms: '1F=10',
        }}
        onValuesChange={save.onValuesChange}
        onFinish={save.submit}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('stays.admin.nameZh')} name="nameZh" rules={rule(shape.name.shape.zh)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('stays.admin.nameEn')} name="nameEn" rules={rule(shape.name.shape.en)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('stays.admin.addressZh')} name="addressZh" rules={rule(shape.address.shape.zh)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('stays.admin.addressEn')} name="addressEn" rules={rule(shape.address.shape.en)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.district')} name="district" rules={rule(shape.district)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.opensOn')} name="opensOn" rules={rule(shape.opensOn)} required>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.closesOn')} name="closesOn" rules={rule(shape.opensOn, true)}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.maxNightsPerStay')} name="maxNightsPerStay" rules={rule(rules.maxNightsPerStay, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.maxNightsLifetime')} name="maxNightsLifetime" rules={rule(rules.maxNightsLifetime, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.maxNightsPerYear')} name="maxNightsPerYear" rules={rule(rules.maxNightsPerYear, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.minDegree')} name="minDegree">
              <Select options={stayDegreeLevels.map((l) => ({ value: l, label: t(`stays.levels.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.graduatedWithinMonths')} name="graduatedWithinMonths" rules={rule(rules.graduatedWithinMonths, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.noShowHour')} name="noShowHour" rules={rule(rules.noShowHour, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('stays.admin.roomsLabel')} name="rooms" rules={listRule(shape.rooms, roomsFrom)} validateFirst required>
              <Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder={'1F=12\n2F=12'} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('stays.admin.blackoutsLabel')} name="blackouts" rules={listRule(shape.blackouts, blackoutsFrom, true)} validateFirst>
              <Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder="2026-12-31..2027-01-02 New Year" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('stays.admin.photos')} name="photos" rules={listRule(shape.photos, photosFrom, true)} validateFirst>
              <Input.TextArea autoSize={{ minRows: 1 }} style={mono} placeholder="https://…" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

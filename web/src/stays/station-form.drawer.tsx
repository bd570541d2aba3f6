import { App, Button, Col, Drawer, Flex, Form, Input, Row, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { STATION_LIMITS, stationInputSchema, stayDegreeLevels } from '../../../contracts/stays';
import { createStation } from '../api/stays.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useWholeNumberRules } from '../forms/whole-number-rules';
import { FormFailure } from '../forms/form-failure';
import { useHub } from '../hubs/use-hub';
import { useBilingual } from '../i18n/use-bilingual';
import { RowList } from '../forms/row-list';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { stationFieldFor, stationInputFrom, type BlackoutRow, type RoomRow, type StationFormValues } from './station-input';
import { DayPicker } from '../forms/day-picker';
import { DayRangePicker } from '../forms/day-range-picker';

const shape = stationInputSchema.shape;
const rules = shape.rules.shape;
const roomShape = shape.rooms.element.shape;
const blackoutShape = shape.blackouts.unwrap().element.shape;
const photoSchema = shape.photos.unwrap().element;
const whole = (value: unknown) => Number(String(value).trim());

/** The rooms: a name and a number of beds per row; a station has at least one. */
function RoomRows() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const whole = useWholeNumberRules();
  return (
    <RowList
      name="rooms"
      kind="room"
      title={t('stays.admin.rooms')}
      hint={t('stays.admin.roomsHint')}
      min={1}
      max={STATION_LIMITS.rooms}
      removeLabel={(n) => t('stays.admin.removeRoom', { n })}
      addLabel={t('stays.admin.addRoom')}
      newRow={(): RoomRow => ({ name: '', beds: '' })}
    >
      {({ name, n }) => (
        <>
          <Col xs={24} md={14}>
            <Form.Item label={t('stays.admin.roomName', { n })} name={[name, 'name']} rules={[zodRule(roomShape.name, fieldText)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label={t('stays.admin.roomBeds', { n })}
              name={[name, 'beds']}
              rules={whole(roomShape.beds.minValue ?? 1, roomShape.beds.maxValue ?? 50)}
            >
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
        </>
      )}
    </RowList>
  );
}

/**
 * Closed days: the first closed day and the reopening day (the first open day again, as the
 * contract's endsOn) in one range picker, and the reason, per row.
 */
function BlackoutRows({ today }: { today: Dayjs }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const range: FormRule = {
    validator: async (_, value: BlackoutRow['range']) => {
      if (!value?.[0] || !value[1]) throw new Error(fieldText('REQUIRED'));
      if (!value[1].isAfter(value[0], 'day')) throw new Error(fieldText('ENDS_BEFORE_START'));
    },
  };
  return (
    <RowList
      name="blackouts"
      kind="blackout"
      title={t('stays.admin.blackouts')}
      hint={t('stays.admin.blackoutsHint')}
      empty={t('stays.admin.noBlackouts')}
      max={STATION_LIMITS.blackouts}
      removeLabel={(n) => t('stays.admin.removeBlackout', { n })}
      addLabel={t('stays.admin.addBlackout')}
      newRow={(): BlackoutRow => ({ range: null, reason: '' })}
    >
      {({ name, n }) => (
        <>
          <Col xs={24} md={11}>
            <Form.Item label={t('stays.admin.blackoutRange', { n })} name={[name, 'range']} rules={[range]} required>
              <DayRangePicker
                label={t('stays.admin.blackoutRange', { n })}
                endLabel={t('stays.admin.reopeningDay')}
                style={{ width: '100%' }}
                placeholder={[t('stays.admin.firstClosedDay'), t('stays.admin.reopeningDay')]}
                disabledDate={(d) => d.isBefore(today, 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={t('stays.admin.blackoutReason', { n })} name={[name, 'reason']} rules={[zodRule(blackoutShape.reason, fieldText)]} required>
              <Input />
            </Form.Item>
          </Col>
        </>
      )}
    </RowList>
  );
}

/** Photo links, one a row, each a URL as the contract checks it. */
function PhotoRows() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  return (
    <RowList
      name="photos"
      kind="photo"
      title={t('stays.admin.photos')}
      empty={t('stays.admin.noPhotos')}
      max={STATION_LIMITS.photos}
      removeLabel={(n) => t('stays.admin.removePhoto', { n })}
      addLabel={t('stays.admin.addPhoto')}
      newRow={() => ''}
    >
      {({ name, n }) => (
        <Col xs={24} md={20}>
          <Form.Item label={t('stays.admin.photo', { n })} name={name} rules={[zodRule(photoSchema, fieldText, { toInput: (v) => String(v).trim() })]}>
            <Input inputMode="url" placeholder="https://…" />
          </Form.Item>
        </Col>
      )}
    </RowList>
  );
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
  const bilingual = useBilingual();
  const districts = (useHub(hub).data?.districts ?? []).map((d) => ({ value: d.code, label: bilingual(d.name).primary }));
  const [form] = Form.useForm<StationFormValues>();
  const rule = (schema: z.ZodType, optional = false, toInput?: (value: unknown) => unknown) => [zodRule(schema, fieldText, { optional, toInput })];

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
          rooms: [{ name: '1F', beds: '10' }] satisfies RoomRow[],
          blackouts: [],
          photos: [],
        }}
        onValuesChange={save.onValuesChange}
        onFinish={save.submit}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('stays.admin.nameZh')} name="nameZh" rules={rule(shape.name.shape.zh)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('stays.admin.nameEn')} name="nameEn" rules={rule(shape.name.shape.en)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('stays.admin.addressZh')} name="addressZh" rules={rule(shape.address.shape.zh)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('stays.admin.addressEn')} name="addressEn" rules={rule(shape.address.shape.en)} required>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.district')} name="district" rules={rule(shape.district)} required>
              <Select showSearch optionFilterProp="label" options={districts} notFoundContent={t('stays.admin.noDistricts')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.opensOn')} name="opensOn" rules={rule(shape.opensOn)} required>
              <DayPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.closesOn')} name="closesOn" rules={rule(shape.opensOn, true)}>
              <DayPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.maxNightsPerStay')} name="maxNightsPerStay" rules={rule(rules.maxNightsPerStay, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.maxNightsLifetime')} name="maxNightsLifetime" rules={rule(rules.maxNightsLifetime, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.maxNightsPerYear')} name="maxNightsPerYear" rules={rule(rules.maxNightsPerYear, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.minDegree')} name="minDegree">
              <Select options={stayDegreeLevels.map((l) => ({ value: l, label: t(`stays.levels.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.graduatedWithinMonths')} name="graduatedWithinMonths" rules={rule(rules.graduatedWithinMonths, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('stays.admin.noShowHour')} name="noShowHour" rules={rule(rules.noShowHour, true, whole)}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
        <Flex vertical gap={24}>
          <RoomRows />
          <BlackoutRows today={dayjs(today)} />
          <PhotoRows />
        </Flex>
      </Form>
    </Drawer>
  );
}

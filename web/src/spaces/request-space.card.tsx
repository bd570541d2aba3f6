import { App, Button, Card, Flex, Form, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { spaceRequestInputSchema } from '../../../contracts/spaces';
import { requestSpace } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { DayPicker } from '../forms/day-picker';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useBilingual } from '../i18n/use-bilingual';

type Values = { organizationId: string; areaM2?: number; seats?: number; startsOn: string; months: number };
type Organization = { id: string; name: { zh: string; en: string } };

const shape = spaceRequestInputSchema.shape;

/** A company asks for office space (m² or seats, from a day, for some months); it joins the queue. Phone-sized. Enter in the day box takes the day, never sends. */
export function RequestSpaceCard({ hub, organizations, onDone }: { hub: string; organizations: Organization[]; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const ask = useFormMutation({
    form,
    idempotent: true,
    fields: ['organizationId', 'areaM2', 'seats', 'startsOn', 'months'],
    mutationFn: (v: Values, key) =>
      requestSpace(hub, { organizationId: v.organizationId, areaM2: v.areaM2 ?? null, seats: v.seats ?? null, startsOn: v.startsOn, months: v.months }, key),
    onSuccess: async (made) => {
      message.success(t('spaces.ask.sent', { n: made.position ?? 1 }));
      form.resetFields();
      await onDone();
    },
  });
  // The contract wants an area or seats: the form says so on the area before sending.
  const sizeGiven = {
    validator: async () => {
      if (form.getFieldValue('areaM2') == null && form.getFieldValue('seats') == null) throw new Error(t('spaces.ask.needSize'));
    },
  };

  return (
    <Card title={t('spaces.ask.title')}>
      <FormFailure failure={ask.failure} />
      <Form<Values>
        name="space-request"
        form={form}
        layout="vertical"
        onValuesChange={ask.onValuesChange}
        onFinish={ask.submit}
        initialValues={{ organizationId: organizations[0]?.id, months: 36, startsOn: dayjs().add(1, 'month').startOf('month').format('YYYY-MM-DD') }}
        style={{ maxWidth: 480 }}
      >
        <Form.Item name="organizationId" label={t('spaces.ask.organization')} rules={[zodRule(shape.organizationId, fieldText)]} required>
          <Select options={organizations.map((o) => ({ value: o.id, label: bilingual(o.name).primary }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="areaM2"
            label={t('spaces.ask.area')}
            rules={[sizeGiven, zodRule(shape.areaM2, fieldText, { optional: true })]}
            dependencies={['seats']}
            style={{ flex: '1 1 140px' }}
          >
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="seats" label={t('spaces.ask.seats')} rules={[zodRule(shape.seats, fieldText, { optional: true })]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="startsOn" label={t('spaces.ask.startsOn')} rules={[zodRule(shape.startsOn, fieldText)]} required style={{ flex: '1 1 140px' }}>
            <DayPicker />
          </Form.Item>
          <Form.Item name="months" label={t('spaces.ask.months')} rules={[zodRule(shape.months, fieldText)]} required style={{ flex: '1 1 140px' }}>
            <InputNumber min={1} max={120} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" block loading={ask.submitting}>
          {t('spaces.ask.submit')}
        </Button>
      </Form>
    </Card>
  );
}

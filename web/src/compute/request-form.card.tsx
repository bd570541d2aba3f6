import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COMPUTE_LIMITS, requestInputSchema } from '../../../contracts/compute';
import { listComputeFlavors, submitComputeRequest, type ComputeDashboard } from '../api/compute.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { useFormatMoney } from '../money/money';
import { useFormatHours } from './format-hours';
import { gpuLimitOf, hoursBefore, quotaProblem, quotasFor } from './request-limits';

type Values = { flavor: string; gpus: number; hours: number; earliestStart?: Dayjs; deadline: Dayjs; priority: 'low' | 'normal' | 'high' };

const shape = requestInputSchema.shape;
const instant = (value: unknown) => (value as Dayjs).toISOString();

/** A company asks for GPU time on a flavor it holds quota for (or any domestic one); the engine answers at once. */
export function RequestFormCard({
  hub,
  organizationId,
  quotas,
  onDone,
}: {
  hub: string;
  organizationId: string;
  quotas: ComputeDashboard['quotas'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const bilingual = useBilingual();
  const money = useFormatMoney();
  const hours = useFormatHours();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const choice = Form.useWatch('flavor', form);
  const flavors = useQuery({ queryKey: ['compute', hub, 'flavors'], queryFn: () => listComputeFlavors(hub) });
  const held = new Set(quotas.map((q) => q.flavorId));
  const mine = (flavors.data?.items ?? []).filter((f) => held.has(f.id));
  const options = [
    ...mine.map((f) => ({
      value: f.id,
      label: `${f.model} · ${bilingual(f.pool).primary} · ${t('compute.mine.perGpuHour', { price: money(f.pricePerGpuHour) })}`,
    })),
    ...(mine.some((f) => f.domestic) ? [{ value: 'any_domestic', label: t('compute.mine.anyDomestic') }] : []),
  ];
  // The quota's limits, checked as the server will, each said under its field with its numbers.
  const quotasOf = (flavor: string | undefined) => quotasFor(flavor, quotas, flavors.data?.items ?? [], new Date().toISOString().slice(0, 10));
  const limit = gpuLimitOf(quotasOf(choice));
  const maxHours = COMPUTE_LIMITS.maxHours;
  const quotaRule =
    (field: 'gpus' | 'hours'): FormRule =>
    ({ getFieldValue }) => ({
      validator: async () => {
        const problem = quotaProblem(quotasOf(getFieldValue('flavor')), getFieldValue('gpus'), getFieldValue('hours'));
        if (field === 'gpus' && problem && 'limit' in problem) throw new Error(t('compute.mine.overGpuLimit', { limit: hours(problem.limit) }));
        if (field === 'hours' && problem && 'left' in problem)
          throw new Error(
            t('compute.mine.overHoursLeft', {
              gpus: hours(getFieldValue('gpus')),
              hours: hours(getFieldValue('hours')),
              need: hours(problem.need),
              left: hours(problem.left),
            }),
          );
      },
    });
  const hoursRule: FormRule = {
    validator: async (_, value: unknown) => {
      if (typeof value === 'number' && value > maxHours) throw new Error(t('compute.mine.tooManyHours', { max: hours(maxHours) }));
    },
  };
  const soonRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_, deadline: Dayjs | undefined) => {
      const length = getFieldValue('hours') as unknown;
      if (!deadline || typeof length !== 'number' || !Number.isInteger(length) || length < 1) return;
      const earliest = getFieldValue('earliestStart') as Dayjs | undefined;
      if (hoursBefore(deadline.toDate(), earliest?.toDate(), new Date()) < length)
        throw new Error(t('compute.mine.tooSoon', { gpus: hours(getFieldValue('gpus') ?? 1), hours: hours(length) }));
    },
  });

  const ask = useFormMutation({
    form,
    idempotent: true,
    fields: ['flavor', 'gpus', 'hours', 'earliestStart', 'deadline', 'priority'],
    mutationFn: (values: Values, key) =>
      submitComputeRequest(
        hub,
        {
          organizationId,
          flavor: values.flavor,
          gpus: values.gpus,
          hours: values.hours,
          earliestStart: values.earliestStart?.toISOString(),
          deadline: values.deadline.toISOString(),
          priority: values.priority,
        },
        key,
      ),
    onSuccess: (made) => {
      message.success(
        made.start
          ? t('compute.mine.admitted', { ref: made.reference, start: formatMoment(made.start, locale) })
          : t('compute.mine.waiting', { ref: made.reference }),
      );
      form.resetFields();
      onDone();
    },
  });

  return (
    <Card title={t('compute.mine.ask')}>
      <FormFailure failure={ask.failure} />
      <Form<Values>
        name="compute-request"
        form={form}
        layout="vertical"
        onFinish={ask.submit}
        onValuesChange={ask.onValuesChange}
        initialValues={{ gpus: 1, hours: 4, priority: 'normal', deadline: dayjs().add(2, 'day').startOf('hour') }}
        style={{ maxWidth: 520 }}
      >
        <Form.Item name="flavor" label={t('compute.mine.flavor')} rules={[{ required: true, message: t('compute.mine.pickFlavor') }]}>
          <Select options={options} loading={flavors.isPending} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="gpus"
            label={t('compute.mine.gpus')}
            rules={[zodRule(shape.gpus, fieldText), quotaRule('gpus')]}
            dependencies={['flavor']}
            validateFirst
            extra={limit === null ? undefined : t('compute.mine.gpusMax', { limit: hours(limit) })}
            required
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t('compute.mine.hours')}
            rules={[hoursRule, zodRule(shape.hours, fieldText), quotaRule('hours')]}
            dependencies={['flavor', 'gpus']}
            validateFirst
            extra={t('compute.mine.hoursMax', { max: hours(maxHours), days: hours(maxHours / 24) })}
            required
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="earliestStart"
            label={t('compute.mine.earliest')}
            rules={[zodRule(shape.earliestStart, fieldText, { optional: true, toInput: instant })]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker showTime={{ format: 'HH:00' }} format="YYYY-MM-DD HH:00" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('compute.mine.deadline')}
            rules={[zodRule(shape.deadline, fieldText, { toInput: instant }), soonRule]}
            dependencies={['hours', 'gpus', 'earliestStart']}
            validateFirst
            required
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker showTime={{ format: 'HH:00' }} format="YYYY-MM-DD HH:00" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="priority" label={t('compute.mine.priority')}>
          <Select options={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(`compute.priority.${p}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={ask.submitting}>
          {t('compute.mine.submit')}
        </Button>
      </Form>
    </Card>
  );
}

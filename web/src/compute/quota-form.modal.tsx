import { useQuery } from '@tanstack/react-query';
import { App, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { quotaInputSchema } from '../../../contracts/compute';
import { listComputeFlavors, setComputeQuota, type ComputeDashboard } from '../api/compute.api';
import { listOrganizations } from '../api/organizations.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useBilingual } from '../i18n/use-bilingual';
import { useFormatMoney } from '../money/money';
import { DayRangePicker } from '../forms/day-range-picker';

type Values = {
  organizationId: string;
  flavorId: string;
  period: [Dayjs, Dayjs];
  gpuHours: number;
  concurrentGpus: number;
  borrowingLimit: number;
  cohort: string;
  weight: number;
  awardId?: string;
};

const shape = quotaInputSchema.shape;
/** The server names the period's ends; the form has one range for both. */
const quotaFields: Record<string, string> = { periodStart: 'period', periodEnd: 'period' };
const names = ['organizationId', 'flavorId', 'gpuHours', 'concurrentGpus', 'borrowingLimit', 'cohort', 'weight', 'awardId'];
export const quotaField = (path: string) => {
  const head = path.split('.')[0] ?? '';
  const name = quotaFields[head] ?? (names.includes(head) ? head : null);
  return name ? [name] : null;
};

/** The operator sets a company's quota of a flavor for a period, directly or funded by the company's compute voucher. */
export function QuotaFormModal({
  hub,
  open,
  vouchers,
  onClose,
  onDone,
}: {
  hub: string;
  open: boolean;
  vouchers: ComputeDashboard['burnDown'];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const bilingual = useBilingual();
  const money = useFormatMoney();
  const [form] = Form.useForm<Values>();
  const company = Form.useWatch('organizationId', form);
  const orgs = useQuery({ queryKey: ['compute', hub, 'startups'], queryFn: () => listOrganizations(hub, { kind: 'startup', limit: 100 }), enabled: open });
  const flavors = useQuery({ queryKey: ['compute', hub, 'flavors'], queryFn: () => listComputeFlavors(hub), enabled: open });
  const funding = vouchers.filter((v) => v.organization.id === company);

  const save = useFormMutation({
    form,
    fieldFor: quotaField,
    mutationFn: (v: Values) =>
      setComputeQuota(hub, {
        organizationId: v.organizationId,
        flavorId: v.flavorId,
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
        gpuHours: v.gpuHours,
        concurrentGpus: v.concurrentGpus,
        borrowingLimit: v.borrowingLimit,
        lendingLimit: null,
        cohort: v.cohort,
        weight: v.weight,
        awardId: v.awardId ?? null,
      }),
    onSuccess: () => {
      message.success(t('compute.forms.quotaSet'));
      onDone();
    },
  });

  return (
    <FormModal
      open={open}
      title={t('compute.forms.setQuota')}
      onClose={onClose}
      form={form}
      mutation={save}
      name="compute-quota"
      okText={t('compute.forms.save')}
      width={600}
      initialValues={{
        period: [dayjs().startOf('month'), dayjs().startOf('month').add(1, 'year')],
        gpuHours: 1000,
        concurrentGpus: 8,
        borrowingLimit: 0,
        cohort: 'startups',
        weight: 1,
      }}
    >
      <Form.Item name="organizationId" label={t('compute.forms.company')} rules={[zodRule(shape.organizationId, fieldText)]} required>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={orgs.isPending}
          options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: bilingual(o.name).primary }))}
        />
      </Form.Item>
      <Form.Item name="flavorId" label={t('compute.forms.flavorOf')} rules={[zodRule(shape.flavorId, fieldText)]} required>
        <Select
          loading={flavors.isPending}
          options={(flavors.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.model} · ${bilingual(f.pool).primary}` }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('compute.forms.period')} rules={[{ required: true, message: fieldText('REQUIRED') }]}>
        <DayRangePicker label={t('compute.forms.period')} endLabel={t('forms.lastDay')} style={{ width: '100%' }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="gpuHours" label={t('compute.forms.gpuHours')} rules={[zodRule(shape.gpuHours, fieldText)]} required style={{ flex: '1 1 140px' }}>
          <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="concurrentGpus"
          label={t('compute.forms.atOnce')}
          rules={[zodRule(shape.concurrentGpus, fieldText)]}
          required
          style={{ flex: '1 1 140px' }}
        >
          <InputNumber min={0} max={100_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="borrowingLimit"
          label={t('compute.forms.borrowing')}
          rules={[zodRule(shape.borrowingLimit, fieldText)]}
          required
          style={{ flex: '1 1 140px' }}
        >
          <InputNumber min={0} max={100_000} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="cohort"
          label={t('compute.forms.cohort')}
          rules={[zodRule(shape.cohort, fieldText)]}
          required
          extra={t('compute.forms.codeRule')}
          style={{ flex: '1 1 200px' }}
        >
          <Input />
        </Form.Item>
        <Form.Item name="weight" label={t('compute.forms.weight')} rules={[zodRule(shape.weight, fieldText)]} required style={{ flex: '1 1 120px' }}>
          <InputNumber min={0.01} max={100} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="awardId" label={t('compute.forms.voucher')} extra={t('compute.forms.voucherHint')}>
        <Select
          allowClear
          disabled={funding.length === 0}
          options={funding.map((v) => ({ value: v.awardId, label: t('compute.forms.voucherOption', { granted: money(v.granted) }) }))}
        />
      </Form.Item>
    </FormModal>
  );
}

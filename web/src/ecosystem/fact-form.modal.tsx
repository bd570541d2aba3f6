import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { factInputSchema, factMetrics, moneyMetrics, type FactMetric } from '../../../contracts/facts';
import { moneySchema } from '../../../contracts/relations';
import { addOrganizationFact, type FactInput } from '../api/facts.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { ecosystemKey } from './use-ecosystem';
import { CurrencySelect, SourceFields } from './record-fields';
import { majorToMinor } from '../money/money-math';

type Values = { metric: FactMetric; asOf?: Dayjs; amount?: string; currency: string; quantity?: string; label?: string; url?: string; note?: string };

/** Server paths onto this form's fields. */
function fieldFor(path: string): string[] | null {
  if (path.startsWith('money')) return ['amount'];
  if (path === 'source.url') return ['url'];
  if (path.startsWith('source')) return ['note'];
  return ['metric', 'asOf', 'quantity', 'label'].includes(path) ? [path] : null;
}

const day = (value: unknown) => (value as Dayjs).format('YYYY-MM-DD');

function toInput(values: Values): FactInput {
  const isMoney = moneyMetrics.includes(values.metric);
  return {
    metric: values.metric,
    asOf: values.asOf?.format('YYYY-MM-DD') ?? '',
    money: isMoney ? { amountMinor: majorToMinor(values.amount ?? '', values.currency) ?? '', currency: values.currency } : undefined,
    quantity: isMoney ? undefined : values.quantity?.trim(),
    label: values.label?.trim() || undefined,
    source: { url: values.url?.trim() || undefined, note: values.note?.trim() || undefined },
  };
}

/** Records a dated, sourced fact (money typed in major units, sent as exact minor units). */
export function FactFormModal({ hub, organizationId, open, onClose }: { hub: string; organizationId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const metric = Form.useWatch('metric', form) ?? 'valuation';
  const isMoney = moneyMetrics.includes(metric);
  const shape = factInputSchema.shape;
  // The amount is typed in major units: the rule checks the minor units the server will get.
  const toMinor = (value: unknown) => majorToMinor(String(value), form.getFieldValue('currency') as string) ?? String(value);

  const save = useFormMutation({
    form,
    fieldFor,
    mutationFn: (values: Values) => addOrganizationFact(hub, organizationId, toInput(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ecosystemKey(hub) });
      message.success(t('facts.added'));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('facts.addTitle')}
      open={open}
      onClose={onClose}
      form={form}
      mutation={save}
      name="fact"
      initialValues={{ metric: 'valuation', currency: 'CNY' }}
      okText={t('facts.submit')}
      width={640}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('facts.metric')} name="metric" rules={[zodRule(shape.metric, fieldText)]} required>
            <Select options={factMetrics.map((value) => ({ value, label: t(`metric.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('facts.asOfLabel')} name="asOf" rules={[zodRule(shape.asOf, fieldText, { toInput: day })]} required>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {isMoney ? (
          <>
            <Col xs={16}>
              <Form.Item
                label={t('facts.amount')}
                name="amount"
                rules={[zodRule(moneySchema.shape.amountMinor, fieldText, { toInput: toMinor })]}
                dependencies={['currency']}
                required
                extra={t('facts.amountHint')}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item label={t('facts.currency')} name="currency">
                <CurrencySelect />
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col xs={24}>
            <Form.Item
              label={t('facts.quantity')}
              name="quantity"
              rules={[zodRule(shape.quantity, fieldText)]}
              required
              extra={metric === 'market_share' ? t('facts.percentHint') : metric === 'registered_in_hub' ? t('facts.registeredHint') : undefined}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item label={t('facts.label')} name="label" rules={[zodRule(shape.label, fieldText, { optional: true })]}>
            <Input maxLength={120} placeholder={t('facts.labelPlaceholder')} />
          </Form.Item>
        </Col>
        <SourceFields />
      </Row>
    </FormModal>
  );
}

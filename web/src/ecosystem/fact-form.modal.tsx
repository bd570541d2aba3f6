import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { factMetrics, moneyMetrics, type FactInput, type FactMetric } from '../../../contracts/facts';
import { addOrganizationFact } from '../api/facts.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { majorToMinor } from './money';
import { placeServerFieldErrors } from './server-field-errors';
import { ecosystemKey } from './use-ecosystem';

type Values = { metric: FactMetric; asOf?: Dayjs; amount?: string; currency: string; quantity?: string; label?: string; url?: string; note?: string };

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'];

/** Server paths onto this form's fields. */
function fieldFor(path: string): string[] | null {
  if (path.startsWith('money')) return ['amount'];
  if (path === 'source.url') return ['url'];
  if (path.startsWith('source')) return ['note'];
  return ['metric', 'asOf', 'quantity', 'label'].includes(path) ? [path] : null;
}

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
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const metric = Form.useWatch('metric', form) ?? 'valuation';
  const isMoney = moneyMetrics.includes(metric);

  const required: FormRule = { required: true, message: fieldText('REQUIRED') };
  const amountRule: FormRule = {
    validator: async (_rule, value: string | undefined) => {
      if (majorToMinor(value ?? '', form.getFieldValue('currency') as string) === null) throw new Error(fieldText('INVALID_FORMAT'));
    },
  };
  const quantityRule: FormRule = { pattern: /^\d{1,15}(\.\d{1,4})?$/, message: fieldText('INVALID_FORMAT') };

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await addOrganizationFact(hub, organizationId, toInput(values));
      await queryClient.invalidateQueries({ queryKey: ecosystemKey(hub) });
      message.success(t('facts.added'));
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(placeServerFieldErrors(form, error, fieldFor, fieldText) ? null : error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal title={t('facts.addTitle')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t('facts.submit')}
      cancelText={t('org.cancel')} confirmLoading={submitting} width={640} forceRender>
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ metric: 'valuation', currency: 'CNY' }} onFinish={(values) => void onFinish(values)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('facts.metric')} name="metric" rules={[required]}>
              <Select options={factMetrics.map((value) => ({ value, label: t(`metric.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('facts.asOfLabel')} name="asOf" rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {isMoney ? (
            <>
              <Col xs={16}>
                <Form.Item label={t('facts.amount')} name="amount" rules={[required, amountRule]} extra={t('facts.amountHint')}>
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col xs={8}>
                <Form.Item label={t('facts.currency')} name="currency">
                  <Select options={CURRENCIES.map((value) => ({ value, label: value }))} />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24}>
              <Form.Item label={t('facts.quantity')} name="quantity" rules={[required, quantityRule]} extra={metric === 'market_share' ? t('facts.percentHint') : undefined}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item label={t('facts.label')} name="label">
              <Input maxLength={120} placeholder={t('facts.labelPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('facts.sourceUrl')} name="url">
              <Input type="url" placeholder="https://" maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('facts.sourceNote')} name="note">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

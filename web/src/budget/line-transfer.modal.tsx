import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope } from '../../../contracts/budget';
import { transferBetweenLines } from '../api/budget.api';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { AmountField } from './amount-field';
import { placeFailure } from './form-failure';
import { budgetKey } from './use-budget';
import { formatYuan, yuanToFen } from './yuan';

type Values = { fromLine: string; toLine: string; amount: string; note?: string };

/** Moves money from one line to another: a transfer in the ledger, never an edit. */
export function LineTransferModal({ hub, envelope, open, onClose }: { hub: string; envelope: Envelope; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const transferId = useRef(newIdempotencyKey());
  const fromLine = Form.useWatch('fromLine', form);
  const options = envelope.lines.map((line) => ({
    value: line.code,
    label: `${bilingual(line.name).primary} (${line.code}) · ${t('budget.freeAmount', { amount: formatYuan(line.free, locale) })}`,
  }));

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await transferBetweenLines(hub, envelope.year, { transferId: transferId.current, fromLine: values.fromLine, toLine: values.toLine, amount: yuanToFen(values.amount)!, note: values.note?.trim() || undefined });
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.moved'));
      form.resetFields();
      transferId.current = newIdempotencyKey();
      onClose();
    } catch (error) {
      setFailure(placeFailure(form, error, ['fromLine', 'toLine', 'note'], fieldText));
    } finally {
      setSubmitting(false);
    }
  };

  const required = [{ required: true, message: fieldText('REQUIRED') }];
  return (
    <Modal
      title={t('budget.moveTitle')}
      open={open}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('budget.move')}
      cancelText={t('org.cancel')}
      confirmLoading={submitting}
      width={640}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('budget.moveIntro')}</Typography.Paragraph>
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        name="line-transfer"
        form={form}
        layout="vertical"
        onValuesChange={() => {
          transferId.current = newIdempotencyKey();
          setFailure(null);
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item label={t('budget.fromLine')} name="fromLine" rules={required}>
          <Select options={options} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item label={t('budget.toLine')} name="toLine" rules={required}>
          <Select options={options.filter((o) => o.value !== fromLine)} showSearch optionFilterProp="label" />
        </Form.Item>
        <AmountField name="amount" label={t('budget.moveAmount')} />
        <Form.Item label={t('budget.note')} name="note">
          <Input.TextArea maxLength={300} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

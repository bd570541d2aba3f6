import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Envelope } from '../../../contracts/budget';
import { transferBetweenLines } from '../api/budget.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { budgetKey } from './use-budget';
import { formatMoney } from '../money/format-money';
import { yuanToFen } from '../money/money-math';
import { MoneyField } from '../money/money-field';

type Values = { fromLine: string; toLine: string; amount: string; note?: string };

/** Moves money from one line to another: a transfer in the ledger, never an edit. */
export function LineTransferModal({ hub, envelope, open, onClose }: { hub: string; envelope: Envelope; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const fromLine = Form.useWatch('fromLine', form);
  const options = envelope.lines.map((line) => ({
    value: line.code,
    label: `${bilingual(line.name).primary} (${line.code}) · ${t('budget.freeAmount', { amount: formatMoney(line.free, locale) })}`,
  }));

  const save = useFormMutation({
    form,
    idempotent: true,
    fields: ['fromLine', 'toLine', 'note'],
    mutationFn: async (values: Values, transferId) => {
      await transferBetweenLines(hub, envelope.year, {
        transferId,
        fromLine: values.fromLine,
        toLine: values.toLine,
        amount: yuanToFen(values.amount)!,
        note: values.note?.trim() || undefined,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.moved'));
      onClose();
    },
  });

  const required = [{ required: true, message: fieldText('REQUIRED') }];
  return (
    <FormModal
      title={t('budget.moveTitle')}
      open={open}
      onClose={onClose}
      form={form}
      mutation={save}
      name="line-transfer"
      okText={t('budget.move')}
      width={640}
      intro={<Typography.Paragraph type="secondary">{t('budget.moveIntro')}</Typography.Paragraph>}
    >
      <Form.Item label={t('budget.fromLine')} name="fromLine" rules={required}>
        <Select options={options} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item label={t('budget.toLine')} name="toLine" rules={required}>
        <Select options={options.filter((o) => o.value !== fromLine)} showSearch optionFilterProp="label" />
      </Form.Item>
      <MoneyField name="amount" label={t('budget.moveAmount')} />
      <Form.Item label={t('budget.note')} name="note">
        <Input.TextArea maxLength={300} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

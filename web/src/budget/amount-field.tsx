import { Form, Input, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useLocale } from '../i18n/locale-context';
import { formatYuan, yuanToFen } from './yuan';

/** An amount typed in yuan (commas welcome); the hint shows what will be sent, exactly. */
export function AmountField({ name, label, autoFocus }: { name: string; label: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldText = useFieldErrorText();
  const form = Form.useFormInstance();
  const typed = Form.useWatch(name, form) as string | undefined;
  const fen = typed ? yuanToFen(typed) : null;
  const rule: FormRule = {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) throw new Error(fieldText('REQUIRED'));
      if (!yuanToFen(value)) throw new Error(t('budget.amountInvalid'));
    },
  };
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[rule]}
      required
      extra={fen ? t('budget.amountPreview', { amount: formatYuan(fen, locale) }) : t('budget.amountHint')}
    >
      <Input inputMode="decimal" autoComplete="off" addonAfter={t('budget.yuan')} autoFocus={autoFocus} />
    </Form.Item>
  );
}

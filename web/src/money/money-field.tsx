import { Form, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from './format-money';
import { majorToMinor } from './money-math';
import { MoneyInput } from './money-input';

type Props = {
  name: string | (string | number)[];
  label: string;
  required?: boolean;
  /** The largest amount allowed, in minor units. */
  max?: string | null;
  currency?: string;
  extra?: string;
};

/**
 * A form field for an amount in yuan: separators as you type, the amount read back, one set of
 * checks: empty is required, typed text that is not an amount ("abc") is not a valid amount.
 */
export function MoneyField({ name, label, required = true, max = null, currency = 'CNY', extra }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldText = useFieldErrorText();
  const rule: FormRule = {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) {
        if (required) throw new Error(fieldText('REQUIRED'));
        return;
      }
      const minor = majorToMinor(value, currency);
      if (!minor || minor === '0') throw new Error(t('money.invalid'));
      if (max !== null && BigInt(minor) > BigInt(max)) throw new Error(t('money.tooLarge', { max: formatMoney({ amountMinor: max, currency }, locale) }));
    },
  };
  return (
    <Form.Item label={label} name={name} rules={[rule]} required={required} extra={extra ?? t('money.hint')}>
      <MoneyInput currency={currency} keepText />
    </Form.Item>
  );
}

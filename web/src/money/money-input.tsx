import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from './format-money';
import { groupThousands, majorToMinor, minorDigits } from './money-math';

/**
 * Keeps digits and one decimal point, then groups the whole part: "1234567.5" -> "1,234,567.5".
 * With `keepText` (a field that checks what was typed, MoneyField), text that is not an amount
 * ("abc", "-5", "5元") is kept as typed, so the field can say the amount is not valid rather
 * than going blank and saying it is required; separators, spaces and a ¥ are still dropped.
 */
export function withSeparators(typed: string, currency = 'CNY', keepText = false): string {
  const cleaned = keepText ? typed.replace(/[,，\s_¥￥]/g, '') : typed.replace(/[^\d.]/g, '');
  if (keepText && !/^\d*(\.\d*)?$/.test(cleaned)) return typed;
  const [whole = '', ...rest] = cleaned.split('.');
  const grouped = groupThousands(whole.replace(/^0+(?=\d)/, ''));
  if (rest.length === 0) return grouped;
  return `${grouped || '0'}.${rest.join('').slice(0, minorDigits(currency))}`;
}

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  currency?: string;
  placeholder?: string;
  /** Keep text that is not an amount as typed (for a field whose rule says it is not valid). */
  keepText?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
};

/**
 * An amount typed in major units (yuan): separators appear as you type and a hint reads the
 * amount back in words people use ("= 5,000万元" / "= CNY 50m"). The value is the typed text;
 * `majorToMinor` turns it into minor units. Without `keepText`, anything but digits and a
 * decimal point is dropped as it is typed.
 */
export function MoneyInput({ id, value, onChange, currency = 'CNY', placeholder, keepText = false, ...aria }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const minor = value ? majorToMinor(value, currency) : null;
  const hintId = id ? `${id}-amount` : undefined;
  const hint =
    minor && minor !== '0'
      ? t('money.readBack', { amount: formatMoney({ amountMinor: minor, currency }, locale, locale === 'zh-CN' ? 'exact' : 'short') })
      : null;
  const unit = currency === 'CNY' ? t('money.yuan') : currency;
  return (
    <>
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange?.(withSeparators(event.target.value, currency, keepText))}
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        suffix={unit}
        {...aria}
        aria-describedby={[aria['aria-describedby'], hint ? hintId : undefined].filter(Boolean).join(' ') || undefined}
      />
      {hint && (
        <div id={hintId} className="money-read-back" role="status" style={{ marginTop: 4, color: 'rgba(0,0,0,0.65)' }}>
          {hint}
        </div>
      )}
    </>
  );
}

import { useCallback } from 'react';
import { useLocale } from '../i18n/locale-context';
import { formatMoney, type MoneyStyle } from './format-money';
import type { Money as MoneyAmount } from './money-math';

/** The money formatter in the user's language, for text, table cells and chart options. */
export function useFormatMoney(): (amount: string | MoneyAmount, style?: MoneyStyle) => string {
  const { locale } = useLocale();
  return useCallback((amount, style = 'exact') => formatMoney(amount, locale, style), [locale]);
}

/** An amount as people read it; `short` (cards) keeps the exact figure in a tooltip. */
export function Money({ value, short = false, strong = false }: { value: string | MoneyAmount; short?: boolean; strong?: boolean }) {
  const format = useFormatMoney();
  const text = format(value, short ? 'short' : 'exact');
  const exact = short ? format(value) : undefined;
  const title = exact && exact !== text ? exact : undefined;
  return (
    <span className="money" title={title} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}>
      {text}
    </span>
  );
}

import { useCallback } from 'react';
import type { Locale } from '../../../contracts/error-messages';
import { useLocale } from './locale-context';

/** A figure of square metres, grouped, at most one decimal: "2,400" (for sentences that say the unit themselves). */
export function formatAreaNumber(value: number | string, locale: Locale): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** An area as the pages write it: "2,400 m²" / "2,400 平方米". */
export function formatArea(value: number | string, locale: Locale): string {
  return `${formatAreaNumber(value, locale)}${locale === 'zh-CN' ? ' 平方米' : ' m²'}`;
}

/** formatArea in the user's language. */
export function useFormatArea(): (value: number | string) => string {
  const { locale } = useLocale();
  return useCallback((value: number | string) => formatArea(value, locale), [locale]);
}

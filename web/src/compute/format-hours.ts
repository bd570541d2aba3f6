import { useCallback } from 'react';
import type { Locale } from '../../../contracts/error-messages';
import { useLocale } from '../i18n/locale-context';

/**
 * Hours (GPU-hours, hours of a job or a wait) as people read them: grouped, no trailing
 * zeros, at most three decimals ("30.000" -> "30", 1260 -> "1,260", "0.5" -> "0.5").
 * Takes the API's decimal strings and plain numbers alike.
 */
export function formatHours(value: number | string, locale: Locale): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n);
}

/** formatHours in the user's language, for text, table cells and chart options. */
export function useFormatHours(): (value: number | string) => string {
  const { locale } = useLocale();
  return useCallback((value: number | string) => formatHours(value, locale), [locale]);
}

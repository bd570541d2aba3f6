import type { Locale } from '../../../contracts/error-messages';

/** "2026-01-01" -> "2026年1月1日" / "Jan 1, 2026": a local date, read in UTC so it never shifts a day. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

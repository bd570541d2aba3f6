import type { Locale } from '../../../contracts/error-messages';

/** "2026-01-01" -> "2026年1月1日" / "Jan 1, 2026": a local date, read in UTC so it never shifts a day. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment's day where the reader is: "2026年12月6日" / "Dec 6, 2026". */
export function formatMomentDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A moment where the reader is: "2026年12月6日 16:09" / "Dec 6, 2026, 4:09 PM". */
export function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

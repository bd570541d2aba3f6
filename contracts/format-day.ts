import type { Locale } from './error-messages.js';

/** One formatter per language, made once: the same options for every day. */
const DAY_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }),
  'en-US': new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }),
};

/**
 * A day as the pages write it, "2026-01-01" -> "2026年1月1日" / "Jan 1, 2026": a local date,
 * read in UTC so it never shifts a day, whatever the zone of the one formatting it. The web's
 * `formatDay` and the server's sentences (a graduate's standing) both say a day this way.
 */
export function formatDay(day: string, locale: Locale): string {
  return DAY_FORMATS[locale].format(new Date(`${day}T00:00:00Z`));
}

import type { Locale } from '../../../contracts/error-messages';
import { formatDay } from '../../../contracts/format-day';

/** "2026-01-01" -> "2026年1月1日" / "Jan 1, 2026": a local date, read in UTC so it never shifts a day (the rule is the contracts', shared with the server). */
export { formatDay };

/** A day without its year: "12月12日" / "Dec 12" (a day axis's label). */
export function formatMonthDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * A stay or a term, first day to last, the year said once when both share it:
 * "2026年12月6日至12月12日" / "Dec 6 – Dec 12, 2026". (Not Intl's formatRange, whose Chinese
 * differs between ICU builds: "2026/12/6 – 2026/12/12" in some.)
 */
export function formatDayRange(from: string, to: string, locale: Locale): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  if (locale === 'zh-CN') return `${formatDay(from, locale)}至${sameYear ? formatMonthDay(to, locale) : formatDay(to, locale)}`;
  return `${sameYear ? formatMonthDay(from, locale) : formatDay(from, locale)} – ${formatDay(to, locale)}`;
}

/** A moment's day where the reader is: "2026年12月6日" / "Dec 6, 2026". */
export function formatMomentDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A moment's day where the hub is, whatever the reader's zone (a claim filed at 01:00 in Hangzhou is that day): "2026年12月7日" / "Dec 7, 2026". */
export function formatMomentDayIn(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A moment where the reader is: "2026年12月6日 16:09" / "Dec 6, 2026, 4:09 PM". */
export function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A month, "2026-01" -> "2026年1月" / "Jan 2026" (for words and chart axes). */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** A time of day where the reader is: "16:00" / "4:00 PM". */
function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

/** A moment's month and day (no year) and time: "12月7日 04:00" / "Dec 7, 4:00 AM". */
function formatMonthDayTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: locale === 'zh-CN' ? '2-digit' : 'numeric', minute: '2-digit' }).format(date);
}

/**
 * From one moment to another where the reader is, the end's day named when it differs, the year
 * said once: "Dec 6, 2026, 4:00 PM – 8:00 PM", "Dec 6, 2026, 4:00 PM – Dec 7, 4:00 AM" /
 * "2026年12月6日 16:00至20:00", "2026年12月6日 16:00至12月7日 04:00".
 */
export function formatMomentRange(from: string, to: string, locale: Locale): string {
  const start = new Date(from);
  const end = new Date(to);
  const sameYear = start.getFullYear() === end.getFullYear();
  const sameDay = sameYear && start.getMonth() === end.getMonth() && start.getDate() === end.getDate();
  const tail = sameDay ? formatTime(end, locale) : sameYear ? formatMonthDayTime(end, locale) : formatMoment(to, locale);
  return locale === 'zh-CN' ? `${formatMoment(from, locale)}至${tail}` : `${formatMoment(from, locale)} – ${tail}`;
}

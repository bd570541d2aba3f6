import dayjs from 'dayjs';

/**
 * Dates relative to today, whenever the suite runs, for tests whose code compares with today
 * (windows, quotas, a startup's age, a graduate's degree): a calendar date written into a test
 * starts failing the year it falls behind. (The fiscal year a factory funds stays a fixed
 * number: nothing compares it with today.)
 */

/** The ISO date `years` years before `now` (negative: after). */
export function yearsAgo(years: number, now = new Date()): string {
  return dayjs(now).subtract(years, 'year').format('YYYY-MM-DD');
}

/** A programme window open today: from a year ago to a year ahead. */
export function openWindow(now = new Date()): { opensOn: string; closesOn: string } {
  return { opensOn: yearsAgo(1, now), closesOn: yearsAgo(-1, now) };
}

/** The first day of the month `months` after this one (UTC), e.g. a space request's start that stays ahead. */
export function monthStartAhead(months: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

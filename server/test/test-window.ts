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

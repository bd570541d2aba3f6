import dayjs from 'dayjs';

/**
 * A programme window open today, whenever the suite runs: from a year ago to a year ahead.
 * Factories use it instead of a calendar year, so the tests do not start failing on 1 January.
 * (The fiscal year a factory funds stays a fixed number: nothing compares it with today.)
 */
export function openWindow(now = new Date()): { opensOn: string; closesOn: string } {
  const today = dayjs(now);
  return { opensOn: today.subtract(1, 'year').format('YYYY-MM-DD'), closesOn: today.add(1, 'year').format('YYYY-MM-DD') };
}

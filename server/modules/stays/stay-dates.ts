import type { FieldProblem } from '../../platform/errors.js';

export { localHour, localToday } from '../../platform/hub-time.js';

const DAY_MS = 86_400_000;

/** Nights between two ISO dates (check-out minus check-in). */
export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / DAY_MS);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every night of [from, to) as an ISO date. */
export function nightsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Field problems of a requested range: in the past, or ending before it starts. */
export function rangeProblems(today: string, from: string, to: string, names = { from: 'checkIn', to: 'checkOut' }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (from < today) problems.push({ path: names.from, code: 'IN_THE_PAST' });
  if (to <= from) problems.push({ path: names.to, code: 'ENDS_BEFORE_START' });
  return problems;
}

/** Whether two night ranges [a, b) and [c, d) share a night. */
export function overlaps(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from < b.to && b.from < a.to;
}

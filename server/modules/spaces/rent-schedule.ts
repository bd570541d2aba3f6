import type { FieldProblem } from '../../platform/errors.js';

/**
 * Rent as dated steps (as Nexudus and OfficeRnD model it): each step [startsOn, endsOn) has
 * a monthly rent split into the tenant's share and the subsidy's. Pure and exact.
 *
 * A lease's months run from its start date: month i is [start + i months, start + i + 1
 * months) (the day clamped to the month's end), the last one cut at the lease's end and
 * its rent and subsidy prorated by days (rounded down). Steps start on month boundaries,
 * so a month never straddles two steps; steps are split at lease-year boundaries, where
 * the subsidy's share changes.
 */
export type RentStep = { startsOn: string; endsOn: string; monthlyRent: bigint; monthlySubsidy: bigint };
export type StepInput = { startsOn: string; endsOn: string; monthlyRent: string; monthlySubsidy?: string | undefined };
export type LeaseRange = { startsOn: string; endsOn: string };
export type ScheduleMonth = { month: number; startsOn: string; endsOn: string; rent: bigint; subsidy: bigint };

const DAY = 86_400_000;
const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY);
}

export function addDays(d: string, n: number): string {
  return iso(new Date(toDate(d).getTime() + n * DAY));
}

/** `start` plus n months, on the start's day of the month or the month's last day. */
export function addMonths(start: string, n: number): string {
  const d = toDate(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

/**
 * The index of the lease month that starts on `date`, or null when no month starts there.
 * From a guess that never overshoots (31 days a month) up: a month is 30.4 days on average,
 * so the guess falls further behind the longer the lease (5 months by year 20).
 */
export function monthIndexOf(lease: LeaseRange, date: string): number | null {
  for (let i = Math.max(0, Math.floor(daysBetween(lease.startsOn, date) / 31)); ; i++) {
    const s = addMonths(lease.startsOn, i);
    if (s === date) return i;
    if (s > date) return null;
  }
}

/** The first day a month of the lease starts on `date` or after it (the lease's start when `date` is before it). */
function monthStartFrom(lease: LeaseRange, date: string): string {
  for (let i = Math.max(0, Math.floor(daysBetween(lease.startsOn, date) / 31)); ; i++) {
    const s = addMonths(lease.startsOn, i);
    if (s >= date) return s;
  }
}

/**
 * The day lease year `year` (0 = the first) of a program begins within `lease`, its years
 * counted from `yearsFrom`: the lease's own start, or for a moved lease the start of the first
 * lease it replaces (a company in year 2 stays in year 2 when it moves). That is `yearsFrom`
 * plus 12·`year` months, on the lease's next month start (a month never straddles two lease
 * years) and never before the lease starts.
 */
export function leaseYearStart(lease: LeaseRange, yearsFrom: string, year: number): string {
  return monthStartFrom(lease, addMonths(yearsFrom, year * 12));
}

/** The lease year (0 = the first, counted from `yearsFrom`) that the lease's day `date` falls in. */
export function leaseYearOf(lease: LeaseRange, yearsFrom: string, date: string): number {
  let year = Math.max(0, Math.floor(daysBetween(yearsFrom, date) / 366) - 1);
  while (leaseYearStart(lease, yearsFrom, year + 1) <= date) year++;
  return year;
}

/** The lease's months, the last one cut at its end. */
export function leaseMonths(lease: LeaseRange): { month: number; startsOn: string; endsOn: string; fullEndsOn: string }[] {
  const months = [];
  for (let i = 0; ; i++) {
    const startsOn = addMonths(lease.startsOn, i);
    if (startsOn >= lease.endsOn) return months;
    const fullEndsOn = addMonths(lease.startsOn, i + 1);
    months.push({ month: i, startsOn, endsOn: fullEndsOn < lease.endsOn ? fullEndsOn : lease.endsOn, fullEndsOn });
  }
}

/**
 * Steps must cover the lease without gaps or overlaps, each starting on a month of the
 * lease. Problems name the step and field at fault (`steps.2.startsOn`).
 */
export function checkSteps(lease: LeaseRange, steps: readonly StepInput[], path = 'steps'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  steps.forEach((s, i) => {
    const at = `${path}.${i}`;
    if (s.startsOn >= s.endsOn) problems.push({ path: `${at}.endsOn`, code: 'ENDS_BEFORE_START' });
    const expected = i === 0 ? lease.startsOn : steps[i - 1]!.endsOn;
    if (s.startsOn > expected) problems.push({ path: `${at}.startsOn`, code: 'STEPS_GAP', detail: `expected ${expected}` });
    else if (s.startsOn < expected) problems.push({ path: `${at}.startsOn`, code: 'STEPS_OVERLAP', detail: `expected ${expected}` });
    else if (monthIndexOf(lease, s.startsOn) === null) problems.push({ path: `${at}.startsOn`, code: 'NOT_MONTH_START' });
    if (BigInt(s.monthlySubsidy ?? '0') > BigInt(s.monthlyRent)) problems.push({ path: `${at}.monthlySubsidy`, code: 'TOO_BIG', detail: 'more than the rent' });
  });
  const last = steps.at(-1);
  if (last && last.endsOn < lease.endsOn)
    problems.push({ path: `${path}.${steps.length - 1}.endsOn`, code: 'STEPS_GAP', detail: `the lease ends ${lease.endsOn}` });
  if (last && last.endsOn > lease.endsOn)
    problems.push({ path: `${path}.${steps.length - 1}.endsOn`, code: 'STEPS_OVERLAP', detail: `the lease ends ${lease.endsOn}` });
  return problems;
}

/**
 * The lease's rent steps with their subsidy: split at lease-year boundaries (the years
 * counted from `yearsFrom`, see `leaseYearStart`), the subsidy computed by
 * `maxSubsidy(year, rent)` or, when the step names one, checked against it (a 400
 * `ABOVE_CAP` on that step). Consecutive equal steps are merged.
 */
export function subsidySteps(
  lease: LeaseRange,
  steps: readonly StepInput[],
  maxSubsidy: (year: number, monthlyRent: bigint) => bigint,
  path = 'steps',
  yearsFrom = lease.startsOn,
): { steps: RentStep[]; problems: FieldProblem[] } {
  const out: RentStep[] = [];
  const problems: FieldProblem[] = [];
  steps.forEach((s, i) => {
    const rent = BigInt(s.monthlyRent);
    for (let year = leaseYearOf(lease, yearsFrom, s.startsOn); ; year++) {
      const yearStart = leaseYearStart(lease, yearsFrom, year);
      const startsOn = yearStart > s.startsOn ? yearStart : s.startsOn;
      if (startsOn >= s.endsOn) break;
      const yearEnd = leaseYearStart(lease, yearsFrom, year + 1);
      const endsOn = yearEnd < s.endsOn ? yearEnd : s.endsOn;
      const max = maxSubsidy(year, rent);
      let subsidy = max;
      if (s.monthlySubsidy !== undefined) {
        subsidy = BigInt(s.monthlySubsidy);
        if (subsidy > max)
          problems.push({ path: `${path}.${i}.monthlySubsidy`, code: 'ABOVE_CAP', detail: `at most ${max} fen a month in lease year ${year + 1}` });
      }
      const prev = out.at(-1);
      if (prev && prev.endsOn === startsOn && prev.monthlyRent === rent && prev.monthlySubsidy === subsidy) prev.endsOn = endsOn;
      else out.push({ startsOn, endsOn, monthlyRent: rent, monthlySubsidy: subsidy });
    }
  });
  return { steps: out, problems };
}

/** Month by month: rent and subsidy, the last partial month prorated by days. */
export function monthlySchedule(lease: LeaseRange, steps: readonly RentStep[]): ScheduleMonth[] {
  return leaseMonths(lease).map((m) => {
    const step = steps.find((s) => s.startsOn <= m.startsOn && m.startsOn < s.endsOn);
    if (!step) return { month: m.month, startsOn: m.startsOn, endsOn: m.endsOn, rent: 0n, subsidy: 0n };
    if (m.endsOn === m.fullEndsOn) return { month: m.month, startsOn: m.startsOn, endsOn: m.endsOn, rent: step.monthlyRent, subsidy: step.monthlySubsidy };
    const days = BigInt(daysBetween(m.startsOn, m.endsOn));
    const full = BigInt(daysBetween(m.startsOn, m.fullEndsOn));
    return { month: m.month, startsOn: m.startsOn, endsOn: m.endsOn, rent: (step.monthlyRent * days) / full, subsidy: (step.monthlySubsidy * days) / full };
  });
}

/** The steps of a lease cut short at `endsOn` (an early end or a move). */
export function cutSteps(steps: readonly RentStep[], endsOn: string): RentStep[] {
  return steps.filter((s) => s.startsOn < endsOn).map((s) => ({ ...s, endsOn: s.endsOn < endsOn ? s.endsOn : endsOn }));
}

export const sumSubsidy = (months: readonly ScheduleMonth[]) => months.reduce((a, m) => a + m.subsidy, 0n);

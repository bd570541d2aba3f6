import { describe, expect, it } from 'vitest';
import { dreamTownRules, wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { maxMonthlySubsidy, type RentRules } from '../programs/rent-subsidy.js';
import { checkSteps, monthlySchedule, subsidySteps, sumSubsidy, type LeaseRange, type StepInput } from './rent-schedule.js';

// Golden schedules of the real rules (docs/domain.md), month by month, to the fen.
const dreamTown = dreamTownRules;
const wuchang = wuchangRules;

function schedule(rules: RentRules, lease: LeaseRange, steps: StepInput[], areaCenti: bigint, staff: number | null, extended = false) {
  const result = subsidySteps(lease, steps, (year, rent) => maxMonthlySubsidy(rules, { areaCenti, staff, extended }, year, rent));
  expect(result.problems).toEqual([]);
  return monthlySchedule(lease, result.steps);
}
const rows = (months: ReturnType<typeof monthlySchedule>) => months.map((m) => `${m.startsOn} ${m.rent} ${m.subsidy}`);

describe('rent subsidy schedules (golden)', () => {
  // A team of 8 on 120 m² at CNY 60 a m² a month (CNY 7,200): 80 m² are free (CNY 4,800).
  const lease = { startsOn: '2026-03-01', endsOn: '2031-03-01' };
  const steps = [{ startsOn: lease.startsOn, endsOn: lease.endsOn, monthlyRent: '720000' }];

  // Month by month: the rent, the subsidy without the extension (36 months of CNY 4,800,
  // then none) and with it granted (60 months of CNY 4,800). One table, two columns.
  const dreamTownGolden: [string, bigint, bigint, bigint][] = [
    ['2026-03-01', 720000n, 480000n, 480000n],
    ['2026-04-01', 720000n, 480000n, 480000n],
    ['2026-05-01', 720000n, 480000n, 480000n],
    ['2026-06-01', 720000n, 480000n, 480000n],
    ['2026-07-01', 720000n, 480000n, 480000n],
    ['2026-08-01', 720000n, 480000n, 480000n],
    ['2026-09-01', 720000n, 480000n, 480000n],
    ['2026-10-01', 720000n, 480000n, 480000n],
    ['2026-11-01', 720000n, 480000n, 480000n],
    ['2026-12-01', 720000n, 480000n, 480000n],
    ['2027-01-01', 720000n, 480000n, 480000n],
    ['2027-02-01', 720000n, 480000n, 480000n],
    ['2027-03-01', 720000n, 480000n, 480000n],
    ['2027-04-01', 720000n, 480000n, 480000n],
    ['2027-05-01', 720000n, 480000n, 480000n],
    ['2027-06-01', 720000n, 480000n, 480000n],
    ['2027-07-01', 720000n, 480000n, 480000n],
    ['2027-08-01', 720000n, 480000n, 480000n],
    ['2027-09-01', 720000n, 480000n, 480000n],
    ['2027-10-01', 720000n, 480000n, 480000n],
    ['2027-11-01', 720000n, 480000n, 480000n],
    ['2027-12-01', 720000n, 480000n, 480000n],
    ['2028-01-01', 720000n, 480000n, 480000n],
    ['2028-02-01', 720000n, 480000n, 480000n],
    ['2028-03-01', 720000n, 480000n, 480000n],
    ['2028-04-01', 720000n, 480000n, 480000n],
    ['2028-05-01', 720000n, 480000n, 480000n],
    ['2028-06-01', 720000n, 480000n, 480000n],
    ['2028-07-01', 720000n, 480000n, 480000n],
    ['2028-08-01', 720000n, 480000n, 480000n],
    ['2028-09-01', 720000n, 480000n, 480000n],
    ['2028-10-01', 720000n, 480000n, 480000n],
    ['2028-11-01', 720000n, 480000n, 480000n],
    ['2028-12-01', 720000n, 480000n, 480000n],
    ['2029-01-01', 720000n, 480000n, 480000n],
    ['2029-02-01', 720000n, 480000n, 480000n],
    ['2029-03-01', 720000n, 0n, 480000n],
    ['2029-04-01', 720000n, 0n, 480000n],
    ['2029-05-01', 720000n, 0n, 480000n],
    ['2029-06-01', 720000n, 0n, 480000n],
    ['2029-07-01', 720000n, 0n, 480000n],
    ['2029-08-01', 720000n, 0n, 480000n],
    ['2029-09-01', 720000n, 0n, 480000n],
    ['2029-10-01', 720000n, 0n, 480000n],
    ['2029-11-01', 720000n, 0n, 480000n],
    ['2029-12-01', 720000n, 0n, 480000n],
    ['2030-01-01', 720000n, 0n, 480000n],
    ['2030-02-01', 720000n, 0n, 480000n],
    ['2030-03-01', 720000n, 0n, 480000n],
    ['2030-04-01', 720000n, 0n, 480000n],
    ['2030-05-01', 720000n, 0n, 480000n],
    ['2030-06-01', 720000n, 0n, 480000n],
    ['2030-07-01', 720000n, 0n, 480000n],
    ['2030-08-01', 720000n, 0n, 480000n],
    ['2030-09-01', 720000n, 0n, 480000n],
    ['2030-10-01', 720000n, 0n, 480000n],
    ['2030-11-01', 720000n, 0n, 480000n],
    ['2030-12-01', 720000n, 0n, 480000n],
    ['2031-01-01', 720000n, 0n, 480000n],
    ['2031-02-01', 720000n, 0n, 480000n],
  ];
  const golden = (column: 2 | 3) => dreamTownGolden.map((r) => `${r[0]} ${r[1]} ${r[column]}`);

  it('Dream Town without the extension: 36 months of CNY 4,800, then the full rent', () => {
    expect(rows(schedule(dreamTown, lease, steps, 12_000n, 8))).toEqual(golden(2));
  });

  it('Dream Town with the extension granted: 60 months of CNY 4,800', () => {
    const months = schedule(dreamTown, lease, steps, 12_000n, 8, true);
    expect(rows(months)).toEqual(golden(3));
    expect(sumSubsidy(months)).toBe(28_800_000n);
  });

  it('Dream Town pays nothing per person when the staff is unknown', () => {
    expect(maxMonthlySubsidy(dreamTown, { areaCenti: 12_000n, staff: null, extended: false }, 0, 720_000n)).toBe(0n);
  });

  it('Wuchang: 1,200 m² at CNY 95 then CNY 100: capped at CNY 80 on 1,000 m² in year 1, half the rent in years 2-3, the last 14 days prorated', () => {
    const l = { startsOn: '2026-01-31', endsOn: '2029-02-14' };
    const months = schedule(
      wuchang,
      l,
      [
        { startsOn: l.startsOn, endsOn: '2028-01-31', monthlyRent: '11400000' },
        { startsOn: '2028-01-31', endsOn: l.endsOn, monthlyRent: '12000000' },
      ],
      120_000n,
      null,
    );
    expect(months.map((m) => `${m.startsOn} ${m.endsOn} ${m.rent} ${m.subsidy}`)).toEqual([
      '2026-01-31 2026-02-28 11400000 8000000',
      '2026-02-28 2026-03-31 11400000 8000000',
      '2026-03-31 2026-04-30 11400000 8000000',
      '2026-04-30 2026-05-31 11400000 8000000',
      '2026-05-31 2026-06-30 11400000 8000000',
      '2026-06-30 2026-07-31 11400000 8000000',
      '2026-07-31 2026-08-31 11400000 8000000',
      '2026-08-31 2026-09-30 11400000 8000000',
      '2026-09-30 2026-10-31 11400000 8000000',
      '2026-10-31 2026-11-30 11400000 8000000',
      '2026-11-30 2026-12-31 11400000 8000000',
      '2026-12-31 2027-01-31 11400000 8000000',
      '2027-01-31 2027-02-28 11400000 4750000',
      '2027-02-28 2027-03-31 11400000 4750000',
      '2027-03-31 2027-04-30 11400000 4750000',
      '2027-04-30 2027-05-31 11400000 4750000',
      '2027-05-31 2027-06-30 11400000 4750000',
      '2027-06-30 2027-07-31 11400000 4750000',
      '2027-07-31 2027-08-31 11400000 4750000',
      '2027-08-31 2027-09-30 11400000 4750000',
      '2027-09-30 2027-10-31 11400000 4750000',
      '2027-10-31 2027-11-30 11400000 4750000',
      '2027-11-30 2027-12-31 11400000 4750000',
      '2027-12-31 2028-01-31 11400000 4750000',
      '2028-01-31 2028-02-29 12000000 5000000',
      '2028-02-29 2028-03-31 12000000 5000000',
      '2028-03-31 2028-04-30 12000000 5000000',
      '2028-04-30 2028-05-31 12000000 5000000',
      '2028-05-31 2028-06-30 12000000 5000000',
      '2028-06-30 2028-07-31 12000000 5000000',
      '2028-07-31 2028-08-31 12000000 5000000',
      '2028-08-31 2028-09-30 12000000 5000000',
      '2028-09-30 2028-10-31 12000000 5000000',
      '2028-10-31 2028-11-30 12000000 5000000',
      '2028-11-30 2028-12-31 12000000 5000000',
      '2028-12-31 2029-01-31 12000000 5000000',
      '2029-01-31 2029-02-14 6000000 0',
    ]);
    expect(sumSubsidy(months)).toBe(12n * 8_000_000n + 12n * 4_750_000n + 12n * 5_000_000n);
  });

  it('Wuchang on 350.75 m² at CNY 88: the fen rounds down', () => {
    const input = { areaCenti: 35_075n, staff: null, extended: false };
    const rent = 3_086_600n; // 350.75 × 8,800 fen
    expect(maxMonthlySubsidy(wuchang, input, 0, rent)).toBe(2_806_000n); // the CNY 80 cap
    expect(maxMonthlySubsidy(wuchang, input, 1, rent)).toBe(1_543_300n);
    expect(maxMonthlySubsidy(wuchang, input, 2, 3_086_601n)).toBe(1_543_300n);
    expect(maxMonthlySubsidy(wuchang, input, 3, rent)).toBe(0n);
  });
});

describe('rent steps: bad input names the step and field', () => {
  const lease = { startsOn: '2026-03-01', endsOn: '2027-03-01' };
  const step = (startsOn: string, endsOn: string, monthlyRent = '100000', monthlySubsidy?: string): StepInput => ({
    startsOn,
    endsOn,
    monthlyRent,
    monthlySubsidy,
  });

  it('a gap, an overlap, a step off a month boundary, a short or long last step', () => {
    expect(checkSteps(lease, [step('2026-03-01', '2026-06-01'), step('2026-07-01', '2027-03-01')]).map((p) => `${p.path} ${p.code}`)).toEqual([
      'steps.1.startsOn STEPS_GAP',
    ]);
    expect(checkSteps(lease, [step('2026-03-01', '2026-08-01'), step('2026-07-01', '2027-03-01')]).map((p) => `${p.path} ${p.code}`)).toEqual([
      'steps.1.startsOn STEPS_OVERLAP',
    ]);
    expect(checkSteps(lease, [step('2026-03-01', '2026-06-15'), step('2026-06-15', '2027-03-01')]).map((p) => `${p.path} ${p.code}`)).toEqual([
      'steps.1.startsOn NOT_MONTH_START',
    ]);
    expect(checkSteps(lease, [step('2026-03-01', '2027-02-01')]).map((p) => `${p.path} ${p.code}`)).toEqual(['steps.0.endsOn STEPS_GAP']);
    expect(checkSteps(lease, [step('2026-03-02', '2027-03-01')]).map((p) => `${p.path} ${p.code}`)).toEqual(['steps.0.startsOn STEPS_GAP']);
    expect(checkSteps(lease, [step('2026-03-01', '2027-04-01')]).map((p) => `${p.path} ${p.code}`)).toEqual(['steps.0.endsOn STEPS_OVERLAP']);
    expect(checkSteps(lease, [step('2026-03-01', '2027-03-01')])).toEqual([]);
  });

  it('a subsidy named above the program’s cap is refused on that step', () => {
    const max = (year: number, rent: bigint) => maxMonthlySubsidy(wuchang, { areaCenti: 10_000n, staff: null, extended: false }, year, rent);
    const ok = subsidySteps(lease, [step('2026-03-01', '2027-03-01', '900000', '800000')], max);
    expect(ok.problems).toEqual([]);
    const over = subsidySteps(lease, [step('2026-03-01', '2027-03-01', '900000', '800001')], max);
    expect(over.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['steps.0.monthlySubsidy ABOVE_CAP']);
  });

  it('a 20-year lease takes a step from any of its months (month 230 too), in the lease year it falls in', () => {
    const long = { startsOn: '2026-03-01', endsOn: '2046-03-01' };
    const late = [step('2026-03-01', '2045-05-01'), step('2045-05-01', '2046-03-01', '900000')];
    expect(checkSteps(long, late)).toEqual([]);
    // Wuchang pays in years 1-3 only: the late step (year 20) gets nothing, and is not taken for year 1.
    const max = (year: number, rent: bigint) => maxMonthlySubsidy(wuchang, { areaCenti: 10_000n, staff: null, extended: false }, year, rent);
    expect(subsidySteps(long, late, max).steps.at(-1)).toEqual({ startsOn: '2045-05-01', endsOn: '2046-03-01', monthlyRent: 900000n, monthlySubsidy: 0n });
  });

  it('lease years counted from an earlier start (a moved lease): split where that year turns, on the lease’s next month start', () => {
    const twoSteps = { ...wuchang, years: [{ basisPoints: 10_000 }, { basisPoints: 5_000 }] };
    const max = (year: number, rent: bigint) => maxMonthlySubsidy(twoSteps, { areaCenti: 10_000n, staff: null, extended: false }, year, rent);
    const split = (lease: LeaseRange) => {
      const { steps, problems } = subsidySteps(lease, [step(lease.startsOn, lease.endsOn, '600000')], max, 'steps', '2026-01-01');
      expect(problems).toEqual([]);
      return steps.map((x) => `${x.startsOn} ${x.endsOn} ${x.monthlySubsidy}`);
    };
    // Moved on the 1st in year 2: 50% until year 3 begins on 2028-01-01.
    expect(split({ startsOn: '2027-06-01', endsOn: '2029-01-01' })).toEqual(['2027-06-01 2028-01-01 300000', '2028-01-01 2029-01-01 0']);
    // Moved on the 15th: its months start on the 15th, so year 3 begins with the month from 2028-01-15.
    expect(split({ startsOn: '2027-06-15', endsOn: '2029-01-01' })).toEqual(['2027-06-15 2028-01-15 300000', '2028-01-15 2029-01-01 0']);
    // Moved in year 1: 100% until 2027-01-01, then 50%.
    expect(split({ startsOn: '2026-05-01', endsOn: '2028-05-01' })).toEqual([
      '2026-05-01 2027-01-01 600000',
      '2027-01-01 2028-01-01 300000',
      '2028-01-01 2028-05-01 0',
    ]);
  });
});

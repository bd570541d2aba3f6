import { describe, expect, it } from 'vitest';
import { COMPUTE_LIMITS, type UsageRecordInput } from '../../../contracts/compute.js';
import { admittedProblems } from './usage-limits.js';

// Usage is metered once it has happened: a record may end at most the clock-skew allowance
// after now, to the microsecond (PostgreSQL's precision), inside the admitted hours too.

const HOUR = 3_600_000;
const start = Date.UTC(2030, 0, 7, 9);
/** One GPU for two hours from 09:00, at CNY 20 a GPU-hour. */
const request = { gpus: 1, startAt: new Date(start), endAt: new Date(start + 2 * HOUR), price: 2000n };
/** Half an hour into the run. */
const now = new Date(start + HOUR / 2);
const skewMs = COMPUTE_LIMITS.usageClockSkewMinutes * 60_000;
const record = (startedAt: string, endedAt: string): UsageRecordInput => ({
  recordId: 'r',
  requestId: '0190a0a0-0000-7000-8000-000000000000',
  flavorId: '0190a0a0-0000-7000-8000-000000000001',
  gpuHours: '0.1',
  startedAt,
  endedAt,
  cost: '100',
  corrects: null,
});
const iso = (ms: number) => new Date(ms).toISOString();
const codes = (r: UsageRecordInput) => admittedProblems(r, 3, request, now).map((p) => `${p.path}:${p.code}`);

describe('a usage record ending after now', () => {
  it(`ends at most ${COMPUTE_LIMITS.usageClockSkewMinutes} minutes after now: at that instant it is accepted, a microsecond later refused under its end`, () => {
    const latest = now.getTime() + skewMs;
    expect(codes(record(iso(start), iso(latest)))).toEqual([]);
    expect(codes(record(iso(start), iso(now.getTime())))).toEqual([]);
    expect(admittedProblems(record(iso(start), `${iso(latest).slice(0, -1)}001Z`), 3, request, now)).toEqual([
      { path: 'records.3.endedAt', code: 'IN_THE_FUTURE', detail: `at most ${iso(latest)}: now and 5 minutes for clocks that differ` },
    ]);
    // The rest of the admitted hours, reported before they run.
    expect(codes(record(iso(start + HOUR), iso(start + 2 * HOUR)))).toEqual(['records.3.endedAt:IN_THE_FUTURE']);
  });

  it('is named once under its end: past the admitted hours it is outside them; starting outside them, both are said', () => {
    expect(codes(record(iso(start + HOUR), iso(start + 3 * HOUR)))).toEqual(['records.3.endedAt:OUTSIDE_ADMITTED_WINDOW']);
    expect(codes(record(iso(start - HOUR), iso(start + HOUR)))).toEqual(['records.3.startedAt:OUTSIDE_ADMITTED_WINDOW', 'records.3.endedAt:IN_THE_FUTURE']);
  });

  it('a future record still has its GPU-hours and cost checked', () => {
    expect(codes({ ...record(iso(start + HOUR), iso(start + 2 * HOUR)), gpuHours: '1.5', cost: '3001' })).toEqual([
      'records.3.endedAt:IN_THE_FUTURE',
      'records.3.gpuHours:GPU_HOURS_OVER_ADMITTED',
      'records.3.cost:COST_OVER_LIST_PRICE',
    ]);
  });
});

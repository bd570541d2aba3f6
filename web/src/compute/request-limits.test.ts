import { describe, expect, it } from 'vitest';
import type { ComputeDashboard, ComputeFlavor } from '../api/compute.api';
import { gpuLimitOf, hoursBefore, quotaProblem, quotasFor } from './request-limits';

type Quota = ComputeDashboard['quotas'][number];
const quota = (over: Partial<Quota>): Quota =>
  ({
    flavorId: 'h20',
    periodStart: '2026-01-01',
    periodEnd: '2027-01-01',
    gpuHours: 20000,
    gpuHoursUsed: 1260,
    concurrentGpus: 32,
    borrowingLimit: 0,
    ...over,
  }) as Quota;
const flavors = [
  { id: 'h20', domestic: false },
  { id: 'ascend', domestic: true },
] as ComputeFlavor[];
const today = '2026-12-06';

describe('request limits: the quota’s, checked as the server does', () => {
  it('takes the quotas in force today for the chosen flavor, or every domestic one', () => {
    const quotas = [quota({}), quota({ flavorId: 'ascend' }), quota({ periodStart: '2025-01-01', periodEnd: '2026-01-01', concurrentGpus: 99 })];
    expect(quotasFor('h20', quotas, flavors, today)).toEqual([quotas[0]]);
    expect(quotasFor('any_domestic', quotas, flavors, today)).toEqual([quotas[1]]);
    expect(quotasFor(undefined, quotas, flavors, today)).toEqual([]);
  });

  it('says the GPUs at once a quota allows, borrowing included; none without a ceiling', () => {
    expect(gpuLimitOf([quota({})])).toBe(32);
    expect(gpuLimitOf([quota({ concurrentGpus: 24, borrowingLimit: 8 }), quota({ concurrentGpus: 4 })])).toBe(32);
    expect(gpuLimitOf([quota({ borrowingLimit: null })])).toBeNull();
    expect(gpuLimitOf([])).toBeNull();
  });

  it('names GPUs over the limit first, then GPU-hours over what is left', () => {
    expect(quotaProblem([quota({})], 64, 336)).toEqual({ gpus: 64, limit: 32 });
    expect(quotaProblem([quota({})], 32, 600)).toEqual({ need: 19200, left: 18740 });
    expect(quotaProblem([quota({})], 32, 100)).toBeNull();
    expect(quotaProblem([], 64, 336)).toBeNull();
    expect(quotaProblem([quota({})], 64, Number.NaN)).toEqual({ gpus: 64, limit: 32 });
    expect(quotaProblem([quota({})], 2, Number.NaN)).toBeNull();
  });

  it('counts whole hours from when the job can start (not before now) to the deadline', () => {
    const now = new Date('2026-12-06T04:30:00Z');
    expect(hoursBefore(new Date('2026-12-08T04:00:00Z'), undefined, now)).toBe(48);
    expect(hoursBefore(new Date('2026-12-08T04:00:00Z'), new Date('2026-12-07T04:00:00Z'), now)).toBe(24);
    expect(hoursBefore(new Date('2026-12-08T04:00:00Z'), new Date('2026-12-01T00:00:00Z'), now)).toBe(48);
  });
});

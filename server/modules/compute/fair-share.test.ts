import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decayFactor, decayedUsage, dominantShare, progressiveDrf } from './fair-share.js';

describe('Dominant Resource Fairness', () => {
  it('the paper’s worked example: 9 CPUs, 18 GB; A <1 CPU, 4 GB>, B <3 CPUs, 1 GB> -> A 3 tasks, B 2 tasks, both 2/3', () => {
    const result = progressiveDrf({ gpu: 0, cpu: 9, memory: 18 }, [
      { id: 'A', demand: { gpu: 0, cpu: 1, memory: 4 } },
      { id: 'B', demand: { gpu: 0, cpu: 3, memory: 1 } },
    ]);
    expect(result.tasks.get('A')).toBe(3);
    expect(result.tasks.get('B')).toBe(2);
    expect(result.shares.get('A')).toBeCloseTo(2 / 3, 12);
    expect(result.shares.get('B')).toBeCloseTo(2 / 3, 12);
  });

  it('never hands out more than there is, and no user could take one more task that still fits', () => {
    const demand = fc.record({ gpu: fc.integer({ min: 0, max: 4 }), cpu: fc.integer({ min: 0, max: 8 }), memory: fc.integer({ min: 0, max: 16 }) });
    fc.assert(
      fc.property(
        fc.record({ gpu: fc.integer({ min: 0, max: 16 }), cpu: fc.integer({ min: 1, max: 64 }), memory: fc.integer({ min: 1, max: 128 }) }),
        fc.array(demand, { minLength: 1, maxLength: 5 }),
        (capacity, demands) => {
          const users = demands.map((d, i) => ({ id: `u${i}`, demand: d }));
          const { tasks } = progressiveDrf(capacity, users);
          const used = { gpu: 0, cpu: 0, memory: 0 };
          for (const u of users) for (const k of ['gpu', 'cpu', 'memory'] as const) used[k] += u.demand[k] * tasks.get(u.id)!;
          for (const k of ['gpu', 'cpu', 'memory'] as const) expect(used[k]).toBeLessThanOrEqual(capacity[k]);
          for (const u of users) {
            const nonEmpty = u.demand.gpu + u.demand.cpu + u.demand.memory > 0;
            const fitsMore = (['gpu', 'cpu', 'memory'] as const).every((k) => used[k] + u.demand[k] <= capacity[k]);
            if (nonEmpty) expect(fitsMore).toBe(false);
          }
        },
      ),
    );
  });

  it('weights divide the dominant share', () => {
    expect(dominantShare({ gpu: 4, cpu: 1, memory: 1 }, { gpu: 8, cpu: 10, memory: 10 }, 2)).toBe(0.25);
  });
});

describe('usage decay', () => {
  it('halves every half-life and refuses a half-life of zero (which would switch history off)', () => {
    expect(decayFactor(0, 168)).toBe(1);
    expect(decayFactor(168, 168)).toBe(0.5);
    expect(decayFactor(336, 168)).toBe(0.25);
    expect(() => decayFactor(10, 0)).toThrow(RangeError);
    const used = decayedUsage(
      [
        { endsAtHour: 100, used: { gpu: 8, cpu: 0, memory: 0 } },
        { endsAtHour: 200, used: { gpu: 8, cpu: 0, memory: 0 } },
      ],
      200,
      100,
    );
    expect(used.gpu).toBe(12);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, recoveryAmount } from './recovery-amount.js';

// Golden figures worked by hand (fen): 1,000,000 yuan paid, a five-year obligation
// from 2025-01-01 to 2030-01-01 (1,826 days: 2028 is a leap year).
const base = { outstanding: 100_000_000n, startsOn: '2025-01-01', endsOn: '2030-01-01', shareBasisPoints: null };

describe('recoveryAmount', () => {
  it('all: everything still paid out', () => {
    expect(recoveryAmount({ ...base, rule: 'all', breachOn: '2029-12-31' })).toBe(100_000_000n);
  });

  it('pro rata: leaving after two years of five repays 1,096 of 1,826 days', () => {
    expect(daysBetween('2025-01-01', '2030-01-01')).toBe(1826);
    expect(daysBetween('2027-01-01', '2030-01-01')).toBe(1096);
    // 2027 + 2028 (leap) + 2029 = 1,096 days; 100,000,000 x 1,096 / 1,826 = 60,021,905.805... -> 60,021,906 fen
    expect(recoveryAmount({ ...base, rule: 'pro_rata', breachOn: '2027-01-01' })).toBe(60_021_906n);
  });

  it('pro rata rounds half a fen up', () => {
    // 3 fen over 2 days, one day left: 1.5 fen -> 2 fen
    expect(
      recoveryAmount({ outstanding: 3n, rule: 'pro_rata', shareBasisPoints: null, startsOn: '2026-01-01', endsOn: '2026-01-03', breachOn: '2026-01-02' }),
    ).toBe(2n);
  });

  it('pro rata: a breach before the start recovers all, after the end nothing', () => {
    expect(recoveryAmount({ ...base, rule: 'pro_rata', breachOn: '2024-06-01' })).toBe(100_000_000n);
    expect(recoveryAmount({ ...base, rule: 'pro_rata', breachOn: '2031-01-01' })).toBe(0n);
  });

  it('share: a fixed share, e.g. 30% of 333,333.33 yuan', () => {
    expect(recoveryAmount({ ...base, outstanding: 33_333_333n, rule: 'share', shareBasisPoints: 3000, breachOn: '2026-01-01' })).toBe(10_000_000n);
  });

  it('never more than outstanding, never negative (property)', () => {
    const date = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10n, max: 10n ** 15n }),
        fc.constantFrom('all', 'pro_rata', 'share'),
        fc.integer({ min: 1, max: 10_000 }),
        date,
        date,
        date,
        (outstanding, rule, bp, a, b, breachOn) => {
          const [startsOn, endsOn] = a <= b ? [a, b] : [b, a];
          const amount = recoveryAmount({ outstanding, rule: rule as 'all', shareBasisPoints: bp, startsOn, endsOn, breachOn });
          expect(amount >= 0n).toBe(true);
          expect(amount <= (outstanding > 0n ? outstanding : 0n)).toBe(true);
        },
      ),
    );
  });
});

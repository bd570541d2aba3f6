import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from './working-days.js';

const weekdays: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: [], makeUpWorkdays: [] };

describe('working days', () => {
  it('skips weekends, holidays, and counts make-up days (National Day 2026 with its 调休)', () => {
    expect(addWorkingDays(weekdays, '2026-10-02', 5)).toBe('2026-10-09'); // Friday -> Mon 5 .. Fri 9
    const china: WorkingCalendar = {
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
      makeUpWorkdays: ['2026-09-27', '2026-10-10'],
    };
    expect(isWorkingDay(china, '2026-10-10')).toBe(true); // a Saturday worked
    expect(isWorkingDay(china, '2026-10-05')).toBe(false); // a Monday off
    // From 30 Sep: 9 Oct (Fri), 10 Oct (Sat, make-up), 12 Oct (Mon).
    expect(addWorkingDays(china, '2026-09-30', 3)).toBe('2026-10-12');
  });

  it('the period holds exactly `count` working days after the start, and ends on one', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        (start, count, days) => {
          const from = start.toISOString().slice(0, 10);
          const calendar = { workingDays: days, holidays: [], makeUpWorkdays: [] };
          const end = addWorkingDays(calendar, from, count);
          expect(isWorkingDay(calendar, end)).toBe(true);
          let n = 0;
          for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < end;) {
            d = new Date(d.getTime() + 86_400_000);
            if (isWorkingDay(calendar, d.toISOString().slice(0, 10))) n++;
          }
          expect(n).toBe(count);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_YEAR, inYear, seedYear, placedInYear } from './demo-year.js';
import { readProgramsSeed } from './seed-programs.js';
import { readSpacesSeed } from './seed-spaces.js';
import { readStaysSeed } from './seed-stays.js';

describe('the demo seed in a later year', () => {
  it('moves every date and year by whole years and nothing else', () => {
    const seed = {
      fiscalYear: { year: DEMO_YEAR, revenue: '25000000000000', techShareBasisPoints: 1500 },
      programs: [{ draft: { window: { opensOn: '2026-01-01', closesOn: '2026-12-31' }, fiscalYear: 2026, rules: { form: [{ maxLength: 2026 }] } } }],
      graduate: { startsOn: '2022-09-01', endsOn: '2025-06-30' },
      contractNumber: 'HZ-SLQ-2026-0117',
      note: 'written 2026-01-01',
    };
    expect(inYear(seed, 2028)).toEqual({
      fiscalYear: { year: 2028, revenue: '25000000000000', techShareBasisPoints: 1500 },
      programs: [{ draft: { window: { opensOn: '2028-01-01', closesOn: '2028-12-31' }, fiscalYear: 2028, rules: { form: [{ maxLength: 2026 }] } } }],
      graduate: { startsOn: '2024-09-01', endsOn: '2027-06-30' },
      contractNumber: 'HZ-SLQ-2026-0117',
      note: 'written 2026-01-01',
    });
    expect(inYear(seed, DEMO_YEAR)).toBe(seed);
  });

  it('takes the year where the demo hub is: Hangzhou is in the new year eight hours before London', () => {
    expect(seedYear(new Date('2027-12-31T15:59:00Z'))).toBe(2027);
    expect(seedYear(new Date('2027-12-31T16:00:00Z'))).toBe(2028);
  });

  it('seeded in 2031, the programmes, rooms and stations open in 2031', () => {
    const now = new Date('2031-03-01T02:00:00Z');
    const programs = readProgramsSeed(now);
    expect(programs.fiscalYear.year).toBe(2031);
    for (const p of programs.programs) expect(p.draft).toMatchObject({ fiscalYear: 2031, window: { opensOn: '2031-01-01', closesOn: '2031-12-31' } });
    for (const p of readSpacesSeed(now).programs)
      expect(p.draft).toMatchObject({ fiscalYear: 2031, window: { opensOn: '2031-01-01', closesOn: '2031-12-31' } });
    for (const s of readStaysSeed(now).stations) expect(s.opensOn).toBe('2031-01-01');
  });

  it('moves only the ecosystem rows flagged to move with the demo (the fictional startup), and drops the flag', () => {
    const rows = [
      { name: 'DeepSeek', foundedOn: '2023-07-17' },
      { name: 'Qiantang Embodied AI (demo)', foundedOn: '2025-03-01', movesWithDemoYear: true },
    ];
    expect(placedInYear(rows, 2029)).toEqual([
      { name: 'DeepSeek', foundedOn: '2023-07-17' },
      { name: 'Qiantang Embodied AI (demo)', foundedOn: '2028-03-01' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { judgeGraduate } from './graduate-eligibility.js';

const rules = { minDegree: 'junior_college' as const, graduatedWithinMonths: 24 };
const degree = (level: 'junior_college' | 'bachelor' | 'master' | 'doctorate', graduatesOn: string) => ({ level, graduatesOn, university: 'ZJU' });

describe('graduate eligibility (Hangzhou youth stations)', () => {
  it('junior college or higher, within two years of graduating', () => {
    expect(judgeGraduate(true, [degree('junior_college', '2025-06-30')], rules, '2026-12-01').eligible).toBe(true);
    expect(judgeGraduate(true, [degree('master', '2024-12-01')], rules, '2026-12-01').eligible).toBe(true);
    expect(judgeGraduate(true, [degree('master', '2024-11-30')], rules, '2026-12-01').eligible).toBe(false);
  });

  it('a final-year student (graduating within a year) is eligible; one further off is not', () => {
    expect(judgeGraduate(true, [degree('bachelor', '2027-06-30')], rules, '2026-12-01').eligible).toBe(true);
    expect(judgeGraduate(true, [degree('bachelor', '2028-06-30')], rules, '2026-12-01').eligible).toBe(false);
  });

  it('gives every reason, and judges the degree that qualifies', () => {
    const standing = judgeGraduate(
      true,
      [degree('bachelor', '2015-06-30'), degree('master', '2026-06-30')],
      { minDegree: 'master', graduatedWithinMonths: 24 },
      '2026-12-01',
    );
    expect(standing.eligible).toBe(true);
    expect(standing.degree?.level).toBe('master');
    const refused = judgeGraduate(true, [degree('bachelor', '2026-06-30')], { minDegree: 'master', graduatedWithinMonths: 24 }, '2026-12-01');
    expect(refused.reasons.map((r) => [r.key, r.ok])).toEqual([
      ['degree', false],
      ['graduation', false],
    ]);
    expect(judgeGraduate(false, [], rules, '2026-12-01').reasons).toEqual([expect.objectContaining({ key: 'person', ok: false })]);
    expect(judgeGraduate(true, [], rules, '2026-12-01').reasons.map((r) => r.key)).toEqual(['degree']);
  });

  it('writes the graduation day as the pages do, in each language', () => {
    const ok = judgeGraduate(true, [degree('bachelor', '2025-06-30')], rules, '2026-12-01').reasons.find((r) => r.key === 'graduation')!;
    expect(ok.zh).toBe('毕业日期 2025年6月30日：在毕业 2 年内或毕业学年。');
    expect(ok.en).toBe('Graduation on Jun 30, 2025: within 2 years of graduating, or in the final year.');
    const late = judgeGraduate(true, [degree('bachelor', '2020-01-01')], rules, '2026-12-01').reasons.find((r) => r.key === 'graduation')!;
    expect(late.zh).toContain('毕业日期 2020年1月1日：');
    expect(late.en).toContain('Graduation on Jan 1, 2020:');
  });
});

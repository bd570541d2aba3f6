import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications';
import { benefitFormulaSchema } from '../../../contracts/programs';
import seedFile from '../../../seed/programs.json';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { benefitSummary } from './benefit-summary';

// The public "what it gives" sentences, generated from the real demo programs' formulas.
const drafts = new Map(
  (seedFile as { programs: { draft: unknown }[] }).programs.map((p) => programDraftSchema.parse(p.draft)).map((d) => [d.budgetLine, d] as const),
);
const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'en-US', resources: { 'en-US': { translation: enUS }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } }),
);

const summary = (line: string, locale: 'en-US' | 'zh-CN' = 'en-US') => {
  const draft = drafts.get(line)!;
  return benefitSummary(draft.rules.benefit, { form: draft.rules.form, milestones: draft.rules.review?.milestones ?? [] }, i18n.getFixedT(locale), locale);
};

describe('what a program gives, from its formula', () => {
  it('compute vouchers: the rate per accelerator, the small-contract rate, the caps, the stacking limit, paid on metered usage', () => {
    expect(summary('compute-vouchers')).toEqual([
      '30% of the Contract amount when Accelerators is "Domestic chips or a registered foundation-model service".',
      '20% of the Contract amount otherwise.',
      '50% when the Contract amount is at most CNY 500,000.',
      'At most CNY 8,000,000 per claim.',
      'At most CNY 8,000,000 per applicant per year.',
      'Combined with other programs on the same claim, at most 60% of it in all.',
      'Part 1 (100%) is paid as the compute used is metered.',
    ]);
  });

  it('the graduate living allowance: the row per degree and the two conditional halves, in both languages', () => {
    const en = summary('graduate-allowance');
    expect(en[0]).toMatch(/^By degree: bachelor CNY 10,000; master CNY 30,000; doctorate CNY 100,000/);
    expect(en.slice(-2)).toEqual([
      expect.stringMatching(/^Part 1 \(50%\) is paid after \d+ months of local social insurance\.$/),
      expect.stringMatching(/^Part 2 \(50%\) is paid after \d+ months of local social insurance\.$/),
    ]);
    expect(summary('graduate-allowance', 'zh-CN')[0]).toMatch(/^按学历：/);
  });

  it('the R&D grant names the report its second part waits for, not the report’s key', () => {
    expect(summary('rd-grants')).toContain('Part 2 (60%) is paid once the report “Midterm report” is accepted.');
    expect(summary('rd-grants', 'zh-CN')).toContain('第 2 期（60%）在报告“中期报告”通过后发放。');
  });

  it('the talent housing supplement names the co-funding split', () => {
    expect(summary('talent-housing')).toContain('The city pays 70%, the employer 30%.');
  });

  it('office rent: areas grouped as people write them, the unit said once, in both languages', () => {
    const rent = benefitFormulaSchema.parse({ type: 'rent', years: [{ basisPoints: 10_000 }], capArea: 1000, areaPerPerson: 12.5 });
    const words = (locale: 'en-US' | 'zh-CN') => benefitSummary(rent, { form: [], milestones: [] }, i18n.getFixedT(locale), locale);
    expect(words('en-US')).toEqual(expect.arrayContaining(['On at most 1,000 m².', '12.5 m² per person on staff.']));
    expect(words('zh-CN')).toEqual(expect.arrayContaining(['最多补贴 1,000 平方米。', '每名在职人员 12.5 平方米。']));
  });
});

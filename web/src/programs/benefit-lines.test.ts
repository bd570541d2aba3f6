import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications';
import seedFile from '../../../seed/programs.json';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { benefitLineText } from './benefit-lines';

// An award's explanation lines as computeBenefit writes them (server/modules/programs/benefits.ts),
// named by the demo R&D grant's and compute vouchers' own words.
const drafts = (seedFile as { programs: { draft: unknown }[] }).programs.map((p) => programDraftSchema.parse(p.draft));
const wordsOf = (budgetLine: string) => {
  const draft = drafts.find((d) => d.budgetLine === budgetLine)!;
  return { form: draft.rules.form, milestones: draft.rules.review?.milestones ?? [] };
};
const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'en-US', resources: { 'en-US': { translation: enUS }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } }),
);

const reportTranche = {
  key: 'tranche',
  params: { index: 2, shareBasisPoints: 6000, amount: '180000000', months: 0, condition: 'report', milestone: 'midterm' },
};

describe('an award’s explanation, line by line', () => {
  it('names the report a tranche waits for by the program’s name for it, in either language', () => {
    const words = wordsOf('rd-grants');
    expect(benefitLineText(reportTranche, i18n.getFixedT('en-US'), 'en-US', words)).toBe(
      'Tranche 2 (60%): CNY 1,800,000, paid once the report “Midterm report” is accepted.',
    );
    expect(benefitLineText(reportTranche, i18n.getFixedT('zh-CN'), 'zh-CN', words)).toBe('第 2 期（60%）：180万元，报告“中期报告”通过后支付。');
  });

  it('names a choice field and its option by their labels', () => {
    const line = { key: 'rate_by_choice', params: { field: 'chips', option: 'domestic', basisPoints: 3000 } };
    expect(benefitLineText(line, i18n.getFixedT('en-US'), 'en-US', wordsOf('compute-vouchers'))).toBe(
      'Accelerators "Domestic chips or a registered foundation-model service" gets 30%.',
    );
  });

  it('without the program at hand, shows the key rather than nothing', () => {
    expect(benefitLineText(reportTranche, i18n.getFixedT('en-US'), 'en-US')).toContain('the report “midterm”');
  });
});

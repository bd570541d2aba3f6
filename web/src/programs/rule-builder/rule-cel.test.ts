import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicantType } from '../../../../contracts/programs';
import { compileCriteria } from '../../../../server/modules/programs/eligibility';
import { i18n } from '../../i18n/i18n';
import { minorToInputText } from '../../money/money-math';
import { celToRule } from './cel-to-rule';
import { builderFacts, opsFor, takesValue, takesValues, type BuilderFact, type BuilderField, type Rule, type RuleRow } from './rule-rows';
import { ruleToCel } from './rule-to-cel';
import { ruleWords } from './rule-words';

const form: BuilderField[] = [
  { key: 'contractAmount', type: 'money', label: { zh: '合同金额', en: 'Contract amount' } },
  { key: 'gpuHours', type: 'number', label: { zh: '算力时长', en: 'GPU hours' } },
  { key: 'signedOn', type: 'date', label: { zh: '签约日期', en: 'Signed on' } },
  { key: 'contract', type: 'file', label: { zh: '合同', en: 'Contract' } },
  { key: 'note', type: 'text', label: { zh: '说明', en: 'Note' } },
  {
    key: 'chip',
    type: 'choice',
    label: { zh: '芯片来源', en: 'Chip origin' },
    options: [
      { value: 'domestic', label: { zh: '国产', en: 'Domestic' } },
      { value: 'imported', label: { zh: '进口', en: 'Imported' } },
    ],
  },
];
const org = builderFacts('organization', form);
const person = builderFacts('person', form);
const compiles = (cel: string, applicantType: ApplicantType) =>
  compileCriteria([{ key: 'c', name: { zh: '条', en: 'c' }, expression: cel, reason: { zh: '不', en: 'no' } }], { applicantType, form }).ok;
const row = (fact: string, op: RuleRow['op'], value: string | string[]): RuleRow => (Array.isArray(value) ? { fact, op, values: value } : { fact, op, value });

describe('rule rows -> CEL', () => {
  it('writes each row the way docs/criteria.md does, joined by && or ||', () => {
    const rule: Rule = {
      join: 'all',
      rows: [
        row('kind', 'in', ['startup', 'company']),
        row('sectors', 'any', ['ai', 'robotics']),
        row('headcount', 'lt', '300'),
        row('valuation', 'ge', '100,000,000'),
        row('form.signedOn', 'before', '2026-01-01'),
        { fact: 'form.contract', op: 'yes' },
      ],
    };
    const cel = ruleToCel(rule, org);
    expect(cel).toEqual({
      ok: true,
      cel:
        'applicant.kind in ["startup", "company"] && applicant.sectors.exists(x, x in ["ai", "robotics"]) && applicant.headcount < 300' +
        ' && facts.valuation >= 10000000000 && form.signedOn < timestamp("2026-01-01T00:00:00Z") && form.contract',
    });
    expect(compiles((cel as { cel: string }).cel, 'organization')).toBe(true);
    expect(ruleToCel({ join: 'any', rows: [row('degree', 'atLeast', 'bachelor'), row('talentTier', 'in', ['B'])] }, person)).toEqual({
      ok: true,
      cel: 'degreeRank(applicant.degree) >= 2 || applicant.talentTier == "B"',
    });
  });

  it('flags rows that are not complete or whose value does not fit the fact', () => {
    const rule: Rule = {
      join: 'all',
      rows: [
        row('headcount', 'lt', ''),
        row('kind', 'in', []),
        row('foundedYear', 'ge', '20x0'),
        row('form.signedOn', 'before', '2026-02-30'),
        row('revenue', 'gt', '5'),
      ],
    };
    expect(ruleToCel(rule, org)).toEqual({ ok: false, invalid: [0, 1, 2, 3] });
    expect(ruleToCel({ join: 'all', rows: [] }, org)).toEqual({ ok: false, invalid: [] });
    expect(ruleToCel({ join: 'all', rows: [row('socialInsuranceMonths', 'ge', '6')] }, org)).toEqual({ ok: false, invalid: [0] });
  });
});

describe('CEL -> rule rows', () => {
  it('reads the plain forms people type, with parentheses and negations', () => {
    expect(celToRule('applicant.kind == "startup"', org)).toEqual({ join: 'all', rows: [row('kind', 'in', ['startup'])] });
    expect(celToRule('("ai" in applicant.sectors) || !(applicant.kind in ["government"])', org)).toEqual({
      join: 'any',
      rows: [row('sectors', 'any', ['ai']), row('kind', 'notIn', ['government'])],
    });
    expect(celToRule('facts.revenue > 150 && !form.contract', org)).toEqual({
      join: 'all',
      rows: [row('revenue', 'gt', '1.50'), { fact: 'form.contract', op: 'no' }],
    });
  });

  it('reads single-quoted strings and a comparison guarded by has(), as the seeded criteria are written', () => {
    expect(celToRule("'ai' in applicant.sectors || 'robotics' in applicant.sectors", org)).toEqual({
      join: 'any',
      rows: [row('sectors', 'any', ['ai']), row('sectors', 'any', ['robotics'])],
    });
    expect(celToRule("applicant.kind == 'startup'", org)).toEqual({ join: 'all', rows: [row('kind', 'in', ['startup'])] });
    expect(celToRule("applicant.kind == 'it\\'s'", org)).toBeNull();
    expect(celToRule('has(facts.revenue) && facts.revenue >= 150 && applicant.kind == "startup"', org)).toEqual({
      join: 'all',
      rows: [row('revenue', 'ge', '1.50'), row('kind', 'in', ['startup'])],
    });
    expect(celToRule('applicant.kind == "startup" || has(facts.revenue) && facts.revenue < 150', org)).toEqual({
      join: 'any',
      rows: [row('kind', 'in', ['startup']), row('revenue', 'lt', '1.50')],
    });
  });

  it('leaves in CEL what rows cannot show', () => {
    for (const cel of [
      'applicant.kind in ["startup", "company"] && ("ai" in applicant.sectors || "robotics" in applicant.sectors)',
      'awards.filter(a, a.year == now.year).map(a, a.amount).sum() < 800000000',
      'now.year - applicant.foundedYear <= 5',
      'applicant.kind == "spaceship"',
      'applicant.headcount < 30.5',
      'applicant.socialInsuranceMonths >= 6',
      'applicant.headcount <',
      // A missing fact passes here: rows cannot say so.
      '!has(facts.revenue) || facts.revenue <= 150',
      // The guard is about another fact, or guards something other than a comparison.
      'has(facts.revenue) && facts.fundingRaised >= 150',
      'has(applicant.sectors) && "ai" in applicant.sectors',
      "'ai' in applicant.sectors' ",
      '',
    ])
      expect(celToRule(cel, org), cel).toBeNull();
  });
});

/** A complete row of any fact the builder offers, with a value that fits it. */
function rowOf(fact: BuilderFact): fc.Arbitrary<RuleRow> {
  return fc.constantFrom(...opsFor(fact)).chain((op): fc.Arbitrary<RuleRow> => {
    if (takesValues(op)) return fc.subarray([...(fact.options ?? [])], { minLength: 1 }).map((values) => ({ fact: fact.id, op, values }));
    if (!takesValue(op)) return fc.constant({ fact: fact.id, op });
    if (op === 'atLeast') return fc.constantFrom(...(fact.options ?? [])).map((value) => ({ fact: fact.id, op, value }));
    const value: fc.Arbitrary<string> = (() => {
      switch (fact.value) {
        case 'money':
          return fc.bigInt(0n, 10n ** 14n).map((fen) => minorToInputText(fen.toString()));
        case 'year':
          return fc.integer({ min: 1900, max: 2100 }).map(String);
        case 'date':
          return fc.date({ min: new Date('1950-01-01'), max: new Date('2050-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        case 'percent':
        case 'number':
          return fc.tuple(fc.nat(9999), fc.nat(99)).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
        case 'text':
          return fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0);
        default:
          return fc.nat(100_000).map(String);
      }
    })();
    return value.map((v) => ({ fact: fact.id, op, value: v }));
  });
}

const ruleOf = (facts: BuilderFact[]) =>
  fc.record({ join: fc.constantFrom('all' as const, 'any' as const), rows: fc.array(fc.constantFrom(...facts).chain(rowOf), { minLength: 1, maxLength: 5 }) });

describe('rows and CEL agree', () => {
  for (const [applicantType, facts] of [
    ['organization', org],
    ['person', person],
  ] as const)
    it(`every ${applicantType} rule reads back as itself, and the real CEL compiler accepts what it writes`, () => {
      fc.assert(
        fc.property(ruleOf(facts), (rule) => {
          const cel = ruleToCel(rule, facts);
          if (!cel.ok) throw new Error(`invalid rows ${cel.invalid.join(',')}`);
          // One row has no join: it reads back as `all`.
          expect(celToRule(cel.cel, facts)).toEqual(rule.rows.length === 1 ? { ...rule, join: 'all' } : rule);
          expect(compiles(cel.cel, applicantType)).toBe(true);
          expect(ruleWords(rule, facts, i18n.getFixedT('en-US'), 'en-US')).toMatch(/^[A-Z“].*\.$/);
          expect(ruleWords(rule, facts, i18n.getFixedT('zh-CN'), 'zh-CN')).toMatch(/。$/);
        }),
        { numRuns: 300 },
      );
    });
});

describe('rules in words', () => {
  const en = i18n.getFixedT('en-US');
  const zh = i18n.getFixedT('zh-CN');
  const young: Rule = {
    join: 'all',
    rows: [
      row('kind', 'in', ['startup', 'company']),
      row('sectors', 'any', ['ai', 'robotics']),
      row('headcount', 'lt', '300'),
      row('valuation', 'ge', '100,000,000'),
    ],
  };

  it('reads like a sentence in English', () => {
    expect(ruleWords(young, org, en, 'en-US')).toBe(
      'It is a startup or a company, it works in AI or robotics, it has fewer than 300 employees, and its latest valuation is at least CNY 100,000,000.',
    );
    expect(ruleWords({ join: 'any', rows: [row('degree', 'atLeast', 'master'), row('personAge', 'le', '35')] }, person, en, 'en-US')).toBe(
      'They hold a master’s degree or higher or they are at most 35 years old.',
    );
    expect(ruleWords({ join: 'all', rows: [row('form.chip', 'in', ['domestic']), { fact: 'form.contract', op: 'yes' }] }, org, en, 'en-US')).toBe(
      'The answer to “Chip origin” is Domestic and “Contract” is attached.',
    );
  });

  it('reads like a sentence in Chinese', () => {
    expect(ruleWords(young, org, zh, 'zh-CN')).toBe('机构类型为初创企业或企业，所属行业包括人工智能或机器人，员工人数少于300人，且最新估值不少于1亿元。');
    expect(ruleWords({ join: 'all', rows: [row('form.signedOn', 'before', '2026-01-01')] }, org, zh, 'zh-CN')).toBe('“签约日期”早于2026年1月1日。');
  });

  it('says nothing while a row is incomplete', () => {
    expect(ruleWords({ join: 'all', rows: [row('headcount', 'lt', '')] }, org, en, 'en-US')).toBeNull();
  });
});

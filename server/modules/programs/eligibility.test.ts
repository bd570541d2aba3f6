import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion, FormField } from '../../../contracts/programs.js';
import {
  compileCriteria,
  isEligible,
  screen,
  type CompiledCriteria,
  type CriteriaFacts,
  type OrganizationApplicant,
  type PersonApplicant,
} from './eligibility.js';

const criterion = (key: string, expression: string): Criterion => ({
  key,
  name: { zh: `条件 ${key}`, en: `Criterion ${key}` },
  expression,
  reason: { zh: `不满足 ${key}`, en: `Does not meet ${key}` },
});

const voucherForm = [
  { key: 'contractAmount', type: 'money' },
  { key: 'chips', type: 'choice' },
  { key: 'signedOn', type: 'date' },
  { key: 'gpuHours', type: 'number' },
  { key: 'contract', type: 'file' },
  { key: 'supplier', type: 'text' },
] as const satisfies readonly Pick<FormField, 'key' | 'type'>[];

function mustCompile(
  criteria: Criterion[],
  applicantType: 'organization' | 'person' = 'organization',
  form: readonly Pick<FormField, 'key' | 'type'>[] = voucherForm,
): CompiledCriteria {
  const r = compileCriteria(criteria, { applicantType, form });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.compiled;
}

const startup = (over: Partial<OrganizationApplicant> = {}): CriteriaFacts => ({
  applicant: {
    kind: 'startup',
    sectors: ['ai', 'robotics'],
    foundedOn: new Date('2021-04-01T00:00:00Z'),
    foundedYear: 2021n,
    headcount: 45n,
    ageYears: 3n,
    ...over,
  },
  facts: { valuation: 50_000_000_000n, revenue: 2_000_000_000n },
  form: {
    contractAmount: 100_000_000n,
    chips: 'domestic',
    signedOn: new Date('2024-03-01T00:00:00Z'),
    gpuHours: 1200.5,
    contract: true,
    supplier: 'Alibaba Cloud',
  },
  awards: [{ program: 'compute-voucher', amount: 30_000_000n, year: 2024n }],
  now: { year: 2024n, date: new Date('2024-06-01T00:00:00Z') },
});

const graduate = (over: Partial<PersonApplicant> = {}): CriteriaFacts => ({
  applicant: {
    roles: ['engineer'],
    talentTier: 'none',
    degree: 'master',
    graduatedOn: new Date('2023-07-01T00:00:00Z'),
    monthsSinceGraduation: 11n,
    ageYears: 26n,
    ...over,
  },
  facts: {},
  form: {},
  awards: [],
  now: { year: 2024n, date: new Date('2024-06-01T00:00:00Z') },
});

// Real-shaped criteria (docs/domain.md): compute vouchers and the graduate living allowance.
const voucherCriteria = [
  criterion('ai-firm', 'applicant.kind in ["startup", "company"] && ("ai" in applicant.sectors || "robotics" in applicant.sectors)'),
  criterion('contract-signed', 'form.signedOn < now.date && form.contract'),
  criterion('under-annual-cap', 'awards.filter(a, a.program == "compute-voucher" && a.year == now.year).map(a, a.amount).sum() < 800000000'),
];

describe('compileCriteria', () => {
  it('accepts criteria over every documented fact', () => {
    mustCompile([
      ...voucherCriteria,
      criterion('young', 'now.year - applicant.foundedYear <= 5 && applicant.foundedOn > timestamp("2015-01-01T00:00:00Z")'),
      criterion('size', 'has(applicant.headcount) && applicant.headcount >= 10 && applicant.ageYears < 10'),
      criterion('market', 'facts.valuation >= 100000000000 || facts.revenue > 0 || facts.fundingRaised > 0 || facts.marketShare > 2.5'),
      criterion('form', 'form.contractAmount <= 50000000 && form.chips == "domestic" && form.gpuHours >= 100 && form.supplier.startsWith("Ali")'),
      criterion('first-time', 'size(awards) == 0 || awards.all(a, a.year < now.year)'),
    ]);
    mustCompile(
      [
        criterion('graduate', 'degreeRank(applicant.degree) >= 1 && applicant.monthsSinceGraduation <= 24'),
        criterion('tier', 'applicant.talentTier in ["B", "C", "D", "E"]'),
        criterion('person', '"engineer" in applicant.roles && applicant.ageYears < 35 && applicant.bornOn < now.date && applicant.socialInsuranceMonths >= 6'),
        criterion('grad-date', 'applicant.graduatedOn.getFullYear() >= now.year - 2'),
      ],
      'person',
      [],
    );
  });

  it('names the criterion, the position and the cause of every error', () => {
    const r = compileCriteria(
      [
        criterion('ok', 'applicant.headcount > 5'),
        criterion('syntax', 'applicant.headcount >=\n  && true'),
        criterion('unknown-variable', 'employees > 5'),
        criterion('unknown-field', 'applicant.talentTier == "B"'),
        criterion('wrong-type', 'applicant.headcount > "many"'),
        criterion('not-bool', 'applicant.headcount + 1'),
        criterion('unknown-form-field', 'form.nothing == 1'),
      ],
      { applicantType: 'organization', form: voucherForm },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byKey = Object.fromEntries(r.errors.map((e) => [e.criterion, e]));
    expect(Object.keys(byKey)).toEqual(['syntax', 'unknown-variable', 'unknown-field', 'wrong-type', 'not-bool', 'unknown-form-field']);
    expect(byKey.syntax).toMatchObject({ code: 'unexpected_token', position: { line: 2, column: 3 } });
    expect(byKey['unknown-variable']).toMatchObject({ code: 'unknown_variable', position: { offset: 0, line: 1, column: 1 } });
    expect(byKey['unknown-field']).toMatchObject({ code: 'no_such_key', position: { line: 1, column: 11 } });
    expect(byKey['unknown-field']?.message).toMatch(/talentTier/);
    expect(byKey['wrong-type']?.code).toBe('no_such_overload');
    expect(byKey['not-bool']).toMatchObject({ code: 'not_bool', message: 'yields int, not bool' });
    expect(byKey['unknown-form-field']?.position?.column).toBe(6);
  });
});

describe('what a criterion may cost (criteria-cost.ts)', () => {
  const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
  const compile = (expression: string) => compileCriteria([criterion('c', expression)], { applicantType: 'organization', form: voucherForm });

  it('refuses comprehensions nested more than two deep, which would run for seconds on every submission', () => {
    const l = list(60);
    const nested = `${l}.all(a, ${l}.all(b, ${l}.all(c, ${l}.all(d, a + b + c + d >= 0))))`;
    const r = compile(nested);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ criterion: 'c', code: 'too_complex' })]);
    expect(compile(`${l}.all(a, ${l}.exists(b, ${l}.exists_one(c, a == b + c)))`).ok).toBe(false);
  });

  it('takes two nested, chains of any length and comprehensions side by side', () => {
    expect(compile(`awards.all(a, applicant.sectors.exists(s, s == a.program))`).ok).toBe(true);
    expect(compile(`awards.map(a, a.amount).filter(x, x > 0).exists(x, x > 10)`).ok).toBe(true);
    expect(compile(`awards.all(a, a.year < now.year) && awards.exists(a, a.amount > 0) && applicant.sectors.all(s, s != "")`).ok).toBe(true);
  });

  it('refuses a list written in the expression longer than a hundred elements', () => {
    expect(compile(`applicant.headcount in ${list(100)}`).ok).toBe(true);
    expect(compile(`applicant.headcount in ${list(101)}`).ok).toBe(false);
  });
});

describe('screen', () => {
  it('passes an AI startup with a signed contract, and explains a failure in both languages', () => {
    const compiled = mustCompile(voucherCriteria);
    expect(screen(compiled, startup()).eligible).toBe(true);
    const bank = screen(compiled, startup({ kind: 'company', sectors: ['finance'] }));
    expect(bank.eligible).toBe(false);
    expect(bank.results[0]).toMatchObject({ key: 'ai-firm', passed: false, reason: { zh: '不满足 ai-firm', en: 'Does not meet ai-firm' }, error: null });
    expect(bank.results.slice(1).every((r) => r.passed && r.reason === null)).toBe(true);
  });

  it('counts an evaluation error as a failure with the error noted, never throws', () => {
    const compiled = mustCompile([
      criterion('size', 'applicant.headcount >= 10'),
      criterion('guarded', '!has(applicant.headcount) || applicant.headcount >= 10'),
    ]);
    const unknown = screen(compiled, startup({ headcount: undefined }));
    expect(unknown.results[0]).toMatchObject({ passed: false, error: expect.stringMatching(/headcount/) });
    expect(unknown.results[1]).toMatchObject({ passed: true, error: null });
    const wrongType = screen(compiled, startup({ headcount: 12 as unknown as bigint }));
    expect(wrongType.results[0]?.error).toMatch(/int/);
    expect(isEligible(compiled, startup({ headcount: undefined }))).toBe(false);
    expect(isEligible(compiled, startup())).toBe(true);
  });

  it('checks a graduate for the living allowance', () => {
    const compiled = mustCompile(
      [criterion('degree', 'degreeRank(applicant.degree) >= 2'), criterion('recent', 'applicant.monthsSinceGraduation <= 24')],
      'person',
      [],
    );
    expect(screen(compiled, graduate()).eligible).toBe(true);
    expect(screen(compiled, graduate({ degree: 'junior_college' })).results.map((r) => r.passed)).toEqual([false, true]);
    expect(screen(compiled, graduate({ monthsSinceGraduation: 30n })).eligible).toBe(false);
  });
});

// Properties --------------------------------------------------------------------------------

/** Random well-typed conditions over int facts, with a JS twin to check the evaluation against. */
type Expr = { cel: string; js: (h: bigint, a: bigint, m: bigint) => boolean };
const leaf = fc
  .tuple(
    fc.constantFrom('applicant.headcount', 'applicant.ageYears', 'form.contractAmount'),
    fc.constantFrom('<', '<=', '>', '>=', '==', '!='),
    fc.bigInt({ min: 0n, max: 10n ** 9n }),
  )
  .map(([v, op, n]): Expr => {
    const pick = (h: bigint, a: bigint, m: bigint) => (v === 'applicant.headcount' ? h : v === 'applicant.ageYears' ? a : m);
    const cmp: Record<string, (x: bigint, y: bigint) => boolean> = {
      '<': (x, y) => x < y,
      '<=': (x, y) => x <= y,
      '>': (x, y) => x > y,
      '>=': (x, y) => x >= y,
      '==': (x, y) => x === y,
      '!=': (x, y) => x !== y,
    };
    return { cel: `${v} ${op} ${n}`, js: (h, a, m) => cmp[op]!(pick(h, a, m), n) };
  });
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]): Expr => ({ cel: `(${l.cel} && ${r.cel})`, js: (...x) => l.js(...x) && r.js(...x) })),
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]): Expr => ({ cel: `(${l.cel} || ${r.cel})`, js: (...x) => l.js(...x) || r.js(...x) })),
    tie('expr').map((e): Expr => ({ cel: `!(${e.cel})`, js: (...x) => !e.js(...x) })),
  ),
}));
const int = fc.bigInt({ min: 0n, max: 10n ** 9n });

describe('properties', () => {
  it('accepts every well-typed condition and evaluates it like its JS twin', () => {
    fc.assert(
      fc.property(expr, int, int, int, (e, h, a, m) => {
        const compiled = mustCompile([criterion('c', e.cel)]);
        const facts = { ...startup({ headcount: h, ageYears: a }), form: { ...startup().form, contractAmount: m } };
        expect(screen(compiled, facts).eligible).toBe(e.js(h, a, m));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects garbage with a position inside the expression, and never throws', () => {
    const check = (text: string, mustReject: boolean) => {
      const r = compileCriteria([criterion('g', text)], { applicantType: 'organization', form: voucherForm });
      if (mustReject) expect(r.ok).toBe(false);
      if (r.ok) return; // a random string may happen to be a valid bool expression ("true")
      for (const e of r.errors) {
        expect(e.criterion).toBe('g');
        expect(e.position).not.toBeNull();
        expect(e.position!.offset).toBeGreaterThanOrEqual(0);
        expect(e.position!.offset).toBeLessThanOrEqual(text.length);
        expect(e.message.length).toBeGreaterThan(0);
      }
    };
    // A valid condition spoiled by a dangling operator, a stray bracket, a wrong type or a bad field.
    const spoiled = fc.tuple(expr, fc.constantFrom(' &&', ' || ||', ')', ' > "x"', '.nope', ' in 3', ' + true')).map(([e, junk]) => e.cel + junk);
    const unknown = fc
      .tuple(fc.constantFrom('foo', 'applicant.bogus', 'form.missing', 'facts.headcount'), fc.constantFrom(' > 1', '', ' == "x"'))
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(spoiled, unknown), (text) => check(text, true)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => check(text, false)),
      { numRuns: 400 },
    );
  });

  it('screening is deterministic: same facts, same verdict, whoever compiled it', () => {
    fc.assert(
      fc.property(fc.array(expr, { minLength: 1, maxLength: 5 }), int, int, (es, h, a) => {
        const criteria = es.map((e, i) => criterion(`c${i}`, e.cel));
        const facts = startup({ headcount: h, ageYears: a });
        const once = screen(mustCompile(criteria), facts);
        expect(screen(mustCompile(criteria), facts)).toEqual(once);
        expect(isEligible(mustCompile(criteria), facts)).toBe(once.eligible);
      }),
      { numRuns: 100 },
    );
  });
});

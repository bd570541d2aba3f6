import { describe, expect, it } from 'vitest';
import type { Criterion, FormField } from '../../../contracts/programs.js';
import { isNarrowMiss, marginsOf } from './criterion-margins.js';
import { compileCriteria, screen, type CriteriaFacts } from './eligibility.js';

const criterion = (key: string, expression: string): Criterion => ({
  key,
  name: { zh: key, en: key },
  expression,
  reason: { zh: key, en: key },
});
const form = [
  { key: 'contractAmount', type: 'money' },
  { key: 'gpuHours', type: 'number' },
] as const satisfies readonly Pick<FormField, 'key' | 'type'>[];

const facts = (over: { headcount?: bigint; revenue?: bigint; foundedYear?: bigint; contractAmount?: bigint; gpuHours?: number } = {}): CriteriaFacts => ({
  applicant: {
    kind: 'startup',
    sectors: ['ai'],
    ...(over.headcount !== undefined && { headcount: over.headcount }),
    ...(over.foundedYear !== undefined && { foundedYear: over.foundedYear }),
  },
  facts: over.revenue !== undefined ? { revenue: over.revenue } : {},
  form: {
    ...(over.contractAmount !== undefined && { contractAmount: over.contractAmount }),
    ...(over.gpuHours !== undefined && { gpuHours: over.gpuHours }),
  },
  awards: [],
  now: { year: 2026n, date: new Date('2026-06-01T00:00:00Z') },
});

function marginsFor(expressions: Record<string, string>, f: CriteriaFacts) {
  const compiled = compileCriteria(
    Object.entries(expressions).map(([k, e]) => criterion(k, e)),
    { applicantType: 'organization', form },
  );
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const screening = screen(compiled.compiled, f);
  return { margins: marginsOf(compiled.compiled, screening, f, form), failed: screening.results.filter((r) => !r.passed).length };
}

describe('marginsOf: how far a failed numeric criterion was missed', () => {
  it('a builder row comparing a measure with a number: value, threshold and the shortfall over the threshold', () => {
    const { margins } = marginsFor(
      {
        people: 'applicant.headcount >= 10',
        revenue: 'facts.revenue >= 500000000',
        contract: 'form.contractAmount > 100000',
        hours: 'form.gpuHours <= 1000.0',
      },
      facts({ headcount: 9n, revenue: 100_000_000n, contractAmount: 100_000n, gpuHours: 1100 }),
    );
    expect(margins).toEqual([
      { criterion: 'people', fact: 'applicant.headcount', op: '>=', value: '9', threshold: '10', relative: 0.1 },
      { criterion: 'revenue', fact: 'facts.revenue', op: '>=', value: '100000000', threshold: '500000000', relative: 0.8 },
      // On a strict bound the value misses by nothing.
      { criterion: 'contract', fact: 'form.contractAmount', op: '>', value: '100000', threshold: '100000', relative: 0 },
      { criterion: 'hours', fact: 'form.gpuHours', op: '<=', value: '1100', threshold: '1000', relative: 0.1 },
    ]);
  });

  it('no margin for what is not one numeric comparison, for a fact the applicant lacks, or for a criterion that held', () => {
    const { margins, failed } = marginsFor(
      {
        rows: 'applicant.headcount >= 10 && facts.revenue >= 1',
        kind: "applicant.kind == 'company'",
        year: 'applicant.foundedYear >= 2020',
        reversed: '10 <= applicant.headcount',
        missing: 'facts.revenue >= 1',
        zero: 'applicant.headcount <= 0',
        held: 'form.gpuHours >= 1.0',
      },
      facts({ headcount: 9n, foundedYear: 2019n, gpuHours: 2 }),
    );
    expect(failed).toBe(6);
    // Only `zero` has a margin, and against a threshold of 0 no relative one.
    expect(margins).toEqual([{ criterion: 'zero', fact: 'applicant.headcount', op: '<=', value: '9', threshold: '0', relative: null }]);
  });
});

describe('isNarrowMiss', () => {
  it('one numeric criterion failed by at most the margin, all others held', () => {
    expect(isNarrowMiss(1, [{ relative: 0.1 }], 0.2)).toBe(true);
    expect(isNarrowMiss(1, [{ relative: 0.2 }], 0.2)).toBe(true);
    expect(isNarrowMiss(1, [{ relative: 0.3 }], 0.2)).toBe(false);
    // Two criteria failed, even if both narrowly.
    expect(isNarrowMiss(2, [{ relative: 0.1 }, { relative: 0.1 }], 0.2)).toBe(false);
    // The one failed criterion is not numeric (no margin), or its threshold is 0.
    expect(isNarrowMiss(1, [], 0.2)).toBe(false);
    expect(isNarrowMiss(1, [{ relative: null }], 0.2)).toBe(false);
  });
});

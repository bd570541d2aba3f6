import type { Criterion, ProgramRules } from '../../../contracts/programs.js';
import { compileCriteria, isEligible, type CompiledCriteria, type CriteriaFacts } from './eligibility.js';

/**
 * The matching engine: which applicants qualify for which programs, before anyone
 * applies. Pure: the service streams applicants in and writes what comes out.
 *
 * A program is compiled once per run. Criteria that read the form (`form.x`) cannot be
 * decided before an application exists, so matching leaves them out and lists them as
 * "decided when you apply"; every other criterion must pass.
 */

export type CriterionLabel = { key: string; name: Criterion['name'] };
/** Why an applicant matched: every decidable criterion passed; the form's wait for the application. */
export type MatchReasons = { passed: string[]; atApplication: string[] };

export type MatchProgram = {
  id: string;
  version: number;
  applicantType: ProgramRules['applicantType'];
  compiled: CompiledCriteria;
};

/** The labels of stored reasons, from the rules of the version that matched. */
export function labelsOf(keys: readonly string[], rules: Pick<ProgramRules, 'criteria'> | undefined): CriterionLabel[] {
  return keys.map((key) => ({ key, name: rules?.criteria.find((c) => c.key === key)?.name ?? { zh: key, en: key } }));
}

/** A match is an applicant that passed every decidable criterion of a program version. */
export type Match = { programId: string; version: number; applicantId: string };

/**
 * The reasons of any match of a program version: a match passed every criterion that does
 * not read the form, so they follow from the rules and are not stored per match.
 */
export function matchReasons(rules: Pick<ProgramRules, 'criteria'>): MatchReasons {
  return {
    passed: rules.criteria.filter((c) => !readsForm(c.expression)).map((c) => c.key),
    atApplication: rules.criteria.filter((c) => readsForm(c.expression)).map((c) => c.key),
  };
}

// Outside string literals, a reference to the form variable: `form.x`, `form['x']`, `has(form.x)`.
const READS_FORM = /(^|[^\w.])form\s*[.[]/;
const STRINGS = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

export function readsForm(expression: string): boolean {
  return READS_FORM.test(expression.replace(STRINGS, "''"));
}

/** Compiles a program for matching; null if its criteria do not compile (it matches nobody then). */
export function prepareForMatching(id: string, version: number, rules: ProgramRules): MatchProgram | null {
  const decidable = rules.criteria.filter((c) => !readsForm(c.expression));
  const result = compileCriteria(decidable, { applicantType: rules.applicantType, form: rules.form });
  if (!result.ok) return null;
  return { id, version, applicantType: rules.applicantType, compiled: result.compiled };
}

/** Every program against every applicant of a batch; `isEligible` stops at the first failing criterion. */
export function matchBatch(
  programs: readonly MatchProgram[],
  applicantIds: readonly string[],
  facts: readonly CriteriaFacts[],
): { evaluations: number; matches: Match[] } {
  const matches: Match[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    for (const p of programs) {
      if (isEligible(p.compiled, f)) matches.push({ programId: p.id, version: p.version, applicantId: applicantIds[i]! });
    }
  }
  return { evaluations: facts.length * programs.length, matches };
}

import { Environment, ParseError, type ObjectSchema, type ParseResult } from '@marcbachmann/cel-js';
import {
  degrees,
  type ApplicantType,
  type Criterion,
  type CriterionError,
  type CriterionResult,
  type Degree,
  type FormField,
  type FormFieldType,
} from '../../../contracts/programs.js';
import { comprehensionDepth, MAX_LITERAL_LIST, MAX_NESTED_COMPREHENSIONS } from './criteria-cost.js';
import { criteriaFacts, type CriteriaFact } from '../../../contracts/criteria-facts.js';
import type { CriteriaCheckInput } from '../../../contracts/applications.js';

/**
 * The eligibility engine: CEL criteria, type-checked once against the facts an expression
 * may see, then evaluated many times (matching runs 100,000 applicants x 30 programs).
 * Pure: no I/O, no clock; `now` comes in with the facts, so a screening is reproducible.
 *
 * FACTS (see docs/criteria.md for examples). Integers are CEL `int` (bigint here), money is
 * int fen, dates are timestamps (UTC). Unknown facts are absent: guard with `has(...)`,
 * or the criterion fails with an evaluation error noted.
 *
 *   applicant   organisation programs:
 *                 kind string (startup, company, university, ...), sectors list<string>,
 *                 foundedOn timestamp, foundedYear int, headcount int, ageYears int
 *               person programs:
 *                 roles list<string>, talentTier string ('A'..'E' or 'none'),
 *                 degree string (none, junior_college, bachelor, master, doctorate: highest),
 *                 graduatedOn timestamp, monthsSinceGraduation int, bornOn timestamp,
 *                 ageYears int, socialInsuranceMonths int (local social insurance)
 *   facts       valuation, revenue, fundingRaised: int fen (latest); marketShare: double percent
 *   form        the program's answers by key: money int fen, number double, text string,
 *               date timestamp, choice string (the option value), file bool (attached)
 *   awards      list of {program string, amount int fen, year int}: this applicant's awards,
 *               each in the hub's local year it was made
 *   now         {year int, date timestamp}: the moment of the screening; `year` (like ages and
 *               months since graduation) is the hub's local one (criteria-facts.ts `momentIn`)
 *
 * FUNCTIONS beyond standard CEL: `list<int>.sum()`, `degreeRank(string)` (0 none .. 4
 * doctorate, -1 unknown), so "junior college or higher" is `degreeRank(applicant.degree) >= 1`.
 */

export type OrganizationApplicant = {
  kind: string;
  sectors: string[];
  foundedOn?: Date;
  foundedYear?: bigint;
  headcount?: bigint;
  ageYears?: bigint;
};

export type PersonApplicant = {
  roles: string[];
  talentTier: string;
  degree: Degree;
  graduatedOn?: Date;
  monthsSinceGraduation?: bigint;
  bornOn?: Date;
  ageYears?: bigint;
  socialInsuranceMonths?: bigint;
};

export type MarketFacts = { valuation?: bigint; revenue?: bigint; fundingRaised?: bigint; marketShare?: number };
export type AwardFact = { program: string; amount: bigint; year: bigint };
export type FormAnswer = string | bigint | number | boolean | Date;

export type CriteriaFacts = {
  applicant: OrganizationApplicant | PersonApplicant;
  facts: MarketFacts;
  form: Record<string, FormAnswer>;
  awards: AwardFact[];
  now: { year: bigint; date: Date };
};

// cel-js 8.0.0 crashes on the alias `timestamp` inside a schema; the full name is the same type.
const TIMESTAMP = 'google.protobuf.Timestamp';

/** The CEL declaration of the facts, per applicant type, built from the one list in contracts/criteria-facts.ts. */
export const factDeclarations: Record<ApplicantType, Record<string, ObjectSchema>> = {
  organization: declare(criteriaFacts.organization),
  person: declare(criteriaFacts.person),
};

function declare(facts: readonly CriteriaFact[]): Record<string, ObjectSchema> {
  const out: Record<string, ObjectSchema> = {};
  for (const fact of facts) {
    const [variable, field] = fact.path.split('.') as [string, string];
    (out[variable] ??= {})[field] = fact.cel === 'timestamp' ? TIMESTAMP : fact.cel;
  }
  return out;
}

export const formAnswerCelTypes: Record<FormFieldType, string> = {
  text: 'string',
  number: 'double',
  money: 'int',
  date: TIMESTAMP,
  choice: 'string',
  file: 'bool',
};

function sumInts(list: Iterable<bigint>): bigint {
  let total = 0n;
  for (const x of list) total += x;
  return total;
}

function degreeRank(degree: string): bigint {
  return BigInt((degrees as readonly string[]).indexOf(degree));
}

// Building an environment is the expensive part, so each applicant type gets one base at
// load time; a program only clones it to add its own form.
function baseEnvironment(type: ApplicantType): Environment {
  const env = new Environment({ limits: { maxAstNodes: 2000, maxDepth: 40, maxListElements: MAX_LITERAL_LIST } }).registerType('Award', {
    fields: { program: 'string', amount: 'int', year: 'int' },
  });
  for (const [name, schema] of Object.entries(factDeclarations[type])) env.registerVariable({ name, schema });
  return env
    .registerVariable('awards', 'list<Award>')
    .registerFunction('list<int>.sum(): int', sumInts)
    .registerFunction('degreeRank(string): int', degreeRank);
}

const bases: Record<ApplicantType, Environment> = { organization: baseEnvironment('organization'), person: baseEnvironment('person') };

export type CompiledCriterion = { key: string; name: Criterion['name']; reason: Criterion['reason']; run: ParseResult };
export type CompiledCriteria = { applicantType: ApplicantType; criteria: CompiledCriterion[] };
export type CompileResult = { ok: true; compiled: CompiledCriteria } | { ok: false; errors: CriterionError[] };

export type CompileOptions = { applicantType: ApplicantType; form: readonly Pick<FormField, 'key' | 'type'>[] };

/** The environment a program's criteria are checked and run in: base facts plus its form. */
export function criteriaEnvironment({ applicantType, form }: CompileOptions): Environment {
  const schema: ObjectSchema = {};
  for (const field of form) schema[field.key] = formAnswerCelTypes[field.type];
  return bases[applicantType].clone().registerVariable({ name: 'form', schema });
}

/** 1-based line and column of an offset, because officers read positions, not offsets. */
export function positionOf(expression: string, offset: number): { offset: number; line: number; column: number } {
  const before = expression.slice(0, Math.max(0, Math.min(offset, expression.length)));
  const lines = before.split('\n');
  return { offset, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

type CelError = { code?: string; summary?: string; message: string; range?: { start: number } };

function toCriterionError(criterion: string, expression: string, error: CelError): CriterionError {
  const start = error.range?.start;
  return {
    criterion,
    code: error.code ?? 'invalid',
    position: typeof start === 'number' ? positionOf(expression, start) : null,
    message: error.summary ?? error.message.split('\n')[0] ?? 'invalid expression',
  };
}

/**
 * Type-check every criterion (not only the first bad one, so the officer fixes all at
 * once) and compile them. Rejects bad syntax, unknown variables or fields, wrong types and
 * anything that does not yield a bool.
 */
export function compileCriteria(criteria: readonly Criterion[], options: CompileOptions): CompileResult {
  const env = criteriaEnvironment(options);
  const errors: CriterionError[] = [];
  const compiled: CompiledCriterion[] = [];
  for (const c of criteria) {
    let run: ParseResult;
    try {
      run = env.parse(c.expression);
    } catch (e) {
      if (e instanceof ParseError) errors.push(toCriterionError(c.key, c.expression, e));
      else errors.push({ criterion: c.key, code: 'invalid', position: null, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const checked = run.check();
    if (!checked.valid) {
      errors.push(toCriterionError(c.key, c.expression, checked.error ?? { message: 'invalid expression' }));
    } else if (checked.type !== 'bool') {
      errors.push({ criterion: c.key, code: 'not_bool', position: positionOf(c.expression, 0), message: `yields ${checked.type}, not bool` });
    } else if (comprehensionDepth(run.ast) > MAX_NESTED_COMPREHENSIONS) {
      const message = `more than ${MAX_NESTED_COMPREHENSIONS} comprehensions (all, exists, map, filter) nested in one another`;
      errors.push({ criterion: c.key, code: 'too_complex', position: positionOf(c.expression, 0), message });
    } else {
      compiled.push({ key: c.key, name: c.name, reason: c.reason, run });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, compiled: { applicantType: options.applicantType, criteria: compiled } };
}

/**
 * The editor's check as the officer types: only keys and expressions are needed (names and
 * reasons may not be written yet); every bad criterion with its position.
 */
export function checkCriteria(rules: CriteriaCheckInput['rules']): { ok: boolean; errors: CriterionError[] } {
  const named = rules.criteria.map((c) => ({ ...c, name: { zh: c.key, en: c.key }, reason: { zh: c.key, en: c.key } }));
  const result = compileCriteria(named, { applicantType: rules.applicantType, form: rules.form });
  return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
}

export type ScreenResult = { eligible: boolean; results: CriterionResult[] };

/**
 * Run every criterion (all of them, so the applicant sees each reason). An evaluation
 * error, e.g. a fact the applicant lacks, fails that criterion with the error noted; it
 * never throws, because one odd record must not stop a matching run.
 */
export function screen(compiled: CompiledCriteria, facts: CriteriaFacts): ScreenResult {
  let eligible = true;
  const results: ScreenResult['results'] = [];
  for (const c of compiled.criteria) {
    let passed = false;
    let error: string | null = null;
    try {
      passed = c.run(facts) === true;
    } catch (e) {
      error = (e as CelError).summary ?? (e instanceof Error ? (e.message.split('\n')[0] ?? 'error') : String(e));
    }
    if (!passed) eligible = false;
    results.push({ key: c.key, name: c.name, passed, reason: passed ? null : c.reason, error });
  }
  return { eligible, results };
}

/** For the matching job: stop at the first failure when only the verdict matters. */
export function isEligible(compiled: CompiledCriteria, facts: CriteriaFacts): boolean {
  for (const c of compiled.criteria) {
    try {
      if (c.run(facts) !== true) return false;
    } catch {
      return false;
    }
  }
  return true;
}

import type { ASTNode } from '@marcbachmann/cel-js';
import { criteriaFacts, type CriteriaValueKind } from '../../../contracts/criteria-facts.js';
import type { ApplicantType, FormFieldType } from '../../../contracts/programs.js';
import type { CompiledCriteria, CriteriaFacts, ScreenResult } from './eligibility.js';

/**
 * How far a refused applicant missed each numeric criterion it failed (for the outcome
 * study's "narrow miss" comparison group). Pure. A criterion has a margin only when it is
 * one row of the rule builder comparing a number with a threshold: `<fact> >= | > | <= | <
 * <number>`, read from the compiled CEL's syntax tree (never by parsing text), where the
 * fact counts or measures something (people, years, months, money, a percentage, a number
 * or money answer of the form). Anything else (several rows, options, dates, years, a fact
 * the applicant lacks) has no margin.
 *
 * The shortfall is how far the value is on the wrong side of the threshold (0 when it sits
 * on a strict bound); `relative` is the shortfall over the threshold's size, null when the
 * threshold is 0.
 */
export type CriterionMargin = { criterion: string; fact: string; op: '>=' | '>' | '<=' | '<'; value: string; threshold: string; relative: number | null };

const ORDERED = new Set(['>=', '>', '<=', '<']);
const MEASURES: ReadonlySet<CriteriaValueKind> = new Set(['count', 'money', 'percent', 'number']);
const MEASURED_ANSWERS: ReadonlySet<FormFieldType> = new Set(['money', 'number']);

type Num = bigint | number;

/** The number a literal node holds (a minus sign in front allowed), or null. */
function literal(node: ASTNode): Num | null {
  if (node.op === 'value') return typeof node.args === 'bigint' || typeof node.args === 'number' ? node.args : null;
  if (node.op === '-_') {
    const inner = literal(node.args as ASTNode);
    return inner === null ? null : -inner;
  }
  return null;
}

/** `variable.field` of a select node, or null. */
function pathOf(node: ASTNode): string | null {
  if (node.op !== '.') return null;
  const [target, field] = node.args as [ASTNode, string];
  return target.op === 'id' && typeof target.args === 'string' && typeof field === 'string' ? `${target.args}.${field}` : null;
}

/** Whether the path names a measured fact of this applicant type or a money / number answer of the form. */
function isMeasure(path: string, applicantType: ApplicantType, form: readonly { key: string; type: FormFieldType }[]): boolean {
  if (path.startsWith('form.')) return form.some((f) => `form.${f.key}` === path && MEASURED_ANSWERS.has(f.type));
  return criteriaFacts[applicantType].some((f) => f.path === path && f.builder !== false && MEASURES.has(f.value));
}

function read(facts: CriteriaFacts, path: string): Num | null {
  const [variable, field] = path.split('.') as [string, string];
  const value = (facts as unknown as Record<string, Record<string, unknown> | undefined>)[variable]?.[field];
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value)) ? value : null;
}

/** a − b, exactly when both are whole numbers. */
function minus(a: Num, b: Num): Num {
  return typeof a === 'bigint' && typeof b === 'bigint' ? a - b : Number(a) - Number(b);
}

/** The margin of one failed criterion, or null when it is not one numeric comparison. */
export function marginOf(
  criterion: { key: string; ast: ASTNode },
  facts: CriteriaFacts,
  applicantType: ApplicantType,
  form: readonly { key: string; type: FormFieldType }[],
): CriterionMargin | null {
  const { ast } = criterion;
  if (!ORDERED.has(ast.op)) return null;
  const [left, right] = ast.args as [ASTNode, ASTNode];
  const path = pathOf(left);
  const threshold = literal(right);
  if (path === null || threshold === null || !isMeasure(path, applicantType, form)) return null;
  const value = read(facts, path);
  if (value === null) return null;
  const op = ast.op as CriterionMargin['op'];
  const short = Number(op === '>=' || op === '>' ? minus(threshold, value) : minus(value, threshold));
  // A criterion that held has no margin to report (it was not failed).
  if (short < 0 || (short === 0 && (op === '>=' || op === '<='))) return null;
  const size = Math.abs(Number(threshold));
  return {
    criterion: criterion.key,
    fact: path,
    op,
    value: String(value),
    threshold: String(threshold),
    relative: size === 0 ? null : short / size,
  };
}

/** The margins of every failed criterion of a screening that has one. */
export function marginsOf(
  compiled: CompiledCriteria,
  screening: ScreenResult,
  facts: CriteriaFacts,
  form: readonly { key: string; type: FormFieldType }[],
): CriterionMargin[] {
  const failed = new Set(screening.results.filter((r) => !r.passed).map((r) => r.key));
  return compiled.criteria.flatMap((c) => {
    if (!failed.has(c.key)) return [];
    const margin = marginOf({ key: c.key, ast: c.run.ast }, facts, compiled.applicantType, form);
    return margin ? [margin] : [];
  });
}

/**
 * A narrow miss: the rules refused the applicant on exactly one criterion, a numeric one,
 * by at most `maxRelative` of its threshold (every other criterion held).
 */
export function isNarrowMiss(failedCriteria: number, margins: readonly Pick<CriterionMargin, 'relative'>[], maxRelative: number): boolean {
  if (failedCriteria !== 1 || margins.length !== 1) return false;
  const relative = margins[0]!.relative;
  return relative !== null && relative <= maxRelative;
}

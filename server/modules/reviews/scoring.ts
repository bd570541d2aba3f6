import type { RubricCriterion } from '../../../contracts/review-settings.js';
import type { FieldProblem } from '../../platform/errors.js';

/**
 * Rubric arithmetic, pure. A review scores every criterion from 1 to its scale; the total
 * is the weighted share of the maximum, in basis points (10,000 = every criterion at the
 * top of its scale), rounded down.
 */
export function checkScores(rubric: readonly RubricCriterion[], scores: Record<string, number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(scores)) if (!rubric.some((c) => c.key === key)) problems.push({ path: `scores.${key}`, code: 'UNKNOWN_FIELD' });
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === undefined) problems.push({ path: `scores.${c.key}`, code: 'REQUIRED' });
    else if (s > c.scale) problems.push({ path: `scores.${c.key}`, code: 'TOO_BIG' });
  }
  return problems;
}

export function totalBasisPoints(rubric: readonly RubricCriterion[], scores: Record<string, number>): number {
  const weights = rubric.reduce((s, c) => s + c.weight, 0);
  // Common denominator: weight_i * score_i / scale_i summed, over the weights.
  const num = rubric.reduce((s, c) => s + (c.weight * (scores[c.key] ?? 0) * 10_000) / c.scale, 0);
  return Math.floor(num / weights);
}

export type Spread = { key: string; min: number; max: number; mean: number };

/** Per criterion and for the total (in percent): lowest, highest and mean of the submitted reviews. */
export function spreadOf(rubric: readonly RubricCriterion[], reviews: { scores: Record<string, number>; totalBasisPoints: number }[]): Spread[] {
  if (!reviews.length) return [];
  const stat = (key: string, values: number[]): Spread => ({
    key,
    min: Math.min(...values),
    max: Math.max(...values),
    mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100,
  });
  return [
    ...rubric.map((c) =>
      stat(
        c.key,
        reviews.map((r) => r.scores[c.key] ?? 0),
      ),
    ),
    stat(
      'total',
      reviews.map((r) => r.totalBasisPoints / 100),
    ),
  ];
}

/** What changed between two versions of the answers. */
export function answerChanges(before: Record<string, unknown>, after: Record<string, unknown>): { key: string; before: unknown; after: unknown }[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ key: k, before: before[k] ?? null, after: after[k] ?? null }));
}

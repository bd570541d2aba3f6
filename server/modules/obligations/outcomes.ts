import { OUTCOME_MIN_GROUP, type OutcomeEstimate, type OutcomeMetric } from '../../../contracts/outcomes.js';
import { addMonths } from '../reviews/index.js';

/**
 * The outcome study engine: difference in differences. Pure. Each firm is anchored at its
 * application day; its "before" is its latest figure in the twelve months up to that day,
 * its "after" at H months the latest figure in the six months up to the anchor + H. A firm
 * without both is left out of that metric and horizon. The estimate is the awardees' mean
 * change minus the comparison group's, with a 95% interval from the Welch standard error
 * (normal approximation); withheld when either side has fewer than the minimum.
 */

export type Observation = { on: string; value: number };
export type Firm = { anchor: string; series: Partial<Record<OutcomeMetric, Observation[]>> };

const Z95 = 1.959964;

/** The latest observation dated in (from, to]. */
function latestIn(obs: readonly Observation[], from: string, to: string): Observation | undefined {
  let best: Observation | undefined;
  for (const o of obs) if (o.on > from && o.on <= to && (!best || o.on >= best.on)) best = o;
  return best;
}

/** after − before for one firm, or null when a figure is missing. */
export function changeOf(firm: Firm, metric: OutcomeMetric, horizonMonths: number): number | null {
  const obs = firm.series[metric] ?? [];
  const before = latestIn(obs, addMonths(firm.anchor, -12), firm.anchor);
  const at = addMonths(firm.anchor, horizonMonths);
  const after = latestIn(obs, addMonths(at, -6), at);
  return before && after ? after.value - before.value : null;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Sample variance (n − 1); 0 for a single value. */
const variance = (xs: readonly number[]) => (xs.length < 2 ? 0 : xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

export function estimate(
  metric: OutcomeMetric,
  horizonMonths: number,
  awardees: readonly Firm[],
  comparisons: readonly Firm[],
  minimum = OUTCOME_MIN_GROUP,
): OutcomeEstimate {
  const changes = (firms: readonly Firm[]) => firms.map((f) => changeOf(f, metric, horizonMonths)).filter((c): c is number => c !== null);
  const t = changes(awardees);
  const c = changes(comparisons);
  const unit = metric === 'headcount' ? 'people' : 'fen';
  const show = (x: number) => (unit === 'people' ? x.toFixed(1) : Math.round(x).toString());
  const withheld = t.length < minimum ? 'TOO_FEW_AWARDEES' : c.length < minimum ? 'TOO_FEW_COMPARISONS' : null;
  const base = { metric, horizonMonths, unit, awardees: t.length, comparisons: c.length } as const;
  if (withheld) return { ...base, awardeeChange: null, comparisonChange: null, estimate: null, low: null, high: null, withheld };
  const did = mean(t) - mean(c);
  const se = Math.sqrt(variance(t) / t.length + variance(c) / c.length);
  return {
    ...base,
    awardeeChange: show(mean(t)),
    comparisonChange: show(mean(c)),
    estimate: show(did),
    low: show(did - Z95 * se),
    high: show(did + Z95 * se),
    withheld: null,
  };
}

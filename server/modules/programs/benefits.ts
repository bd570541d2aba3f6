import type { BenefitExplanation, BenefitFormulaJson, BenefitRefusal, TrancheCondition } from '../../../contracts/programs.js';
import type { FormAnswer } from './eligibility.js';

/**
 * The benefit engine: how much an award pays, to the fen, and why, line by line. Pure and
 * exact: bigint fen, every division rounds DOWN (public money never pays a fraction more
 * than the rule says), and the parts of a split always add up to the whole.
 *
 * Order: base (fixed | percentage of the claim | table row) -> per-claim cap -> one claim,
 * one subsidy (duplicates) -> stacking limit on the claim -> per-applicant-per-year cap ->
 * co-funding split -> tranches. Caps and stacking only ever lower the amount, so the order
 * among them changes which reason is reported, never the amount.
 */

const BP = 10_000n;

type Common = {
  tranches: { shareBasisPoints: number; condition: TrancheCondition | null }[];
  coFunding: { cityBasisPoints: number } | null;
  caps: { perApplicantPerYear: bigint | null };
  stacking: { group: string; maxCombinedBasisPoints: number } | null;
};
export type FixedFormula = Common & { type: 'fixed'; amount: bigint };
export type PercentageFormula = Common & {
  type: 'percentage';
  of: string;
  basisPoints: number;
  byChoice: { field: string; rates: { option: string; basisPoints: number }[] } | null;
  smallClaim: { atMost: bigint; basisPoints: number } | null;
  cap: bigint | null;
};
export type TableFormula = Common & { type: 'table'; by: 'talentTier' | 'degree'; rows: { key: string; amount: bigint }[] };
/** Paid on a lease, month by month (rent-subsidy.ts); an application alone claims nothing. */
export type RentFormula = Common & { type: 'rent'; rules: Extract<BenefitFormulaJson, { type: 'rent' }> };
export type BenefitFormula = FixedFormula | PercentageFormula | TableFormula | RentFormula;

/** JSON (fen as strings, already validated by benefitFormulaSchema) -> the engine's bigint form. */
export function formulaFromJson(json: BenefitFormulaJson): BenefitFormula {
  const common: Common = {
    tranches: json.tranches.map((t) => ({ shareBasisPoints: t.shareBasisPoints, condition: t.condition })),
    coFunding: json.coFunding,
    caps: { perApplicantPerYear: json.caps.perApplicantPerYear === null ? null : BigInt(json.caps.perApplicantPerYear) },
    stacking: json.stacking,
  };
  switch (json.type) {
    case 'fixed':
      return { ...common, type: 'fixed', amount: BigInt(json.amount) };
    case 'percentage':
      return {
        ...common,
        type: 'percentage',
        of: json.of,
        basisPoints: json.basisPoints,
        byChoice: json.byChoice,
        smallClaim: json.smallClaim && { atMost: BigInt(json.smallClaim.atMost), basisPoints: json.smallClaim.basisPoints },
        cap: json.cap === null ? null : BigInt(json.cap),
      };
    case 'table':
      return { ...common, type: 'table', by: json.by, rows: json.rows.map((r) => ({ key: r.key, amount: BigInt(r.amount) })) };
    case 'rent':
      return { ...common, type: 'rent', rules: json };
  }
}

/** An award already made on the same claim (e.g. the same compute contract). */
export type AwardOnClaim = { program: string; group: string | null; amount: bigint };

export type BenefitInput = {
  /** This program's id: a second award of it on one claim is a duplicate. */
  program: string;
  /** Form answers by key; money as bigint fen. */
  form: Readonly<Record<string, FormAnswer | undefined>>;
  talentTier?: string | null;
  degree?: string | null;
  /** This applicant's earlier awards in this program this year (for caps.perApplicantPerYear). */
  awardedThisYear: readonly bigint[];
  /** Awards of other programs (or this one) on the same claim (for stacking). */
  awardsOnClaim: readonly AwardOnClaim[];
};

export type BenefitLine = { key: string; params: Record<string, bigint | number | string> };
export type Tranche = { amount: bigint; shareBasisPoints: number; condition: TrancheCondition | null };
export type BenefitResult = {
  amount: bigint;
  tranches: Tranche[];
  /** What the city's budget line pays; the employer pays the rest (coFunding). */
  cityShare: bigint;
  employerShare: bigint;
  lines: BenefitLine[];
  /** Why the amount is zero, when a rule (not the arithmetic of a positive claim) made it so. */
  refusal: BenefitRefusal | null;
};

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const share = (amount: bigint, basisPoints: number) => (amount * BigInt(basisPoints)) / BP;

type Base = { amount: bigint; claimed: bigint | null; refusal: BenefitRefusal | null };

function baseAmount(formula: BenefitFormula, input: BenefitInput, lines: BenefitLine[]): Base {
  if (formula.type === 'fixed') {
    lines.push({ key: 'fixed', params: { amount: formula.amount } });
    return { amount: formula.amount, claimed: null, refusal: null };
  }
  if (formula.type === 'rent') {
    lines.push({ key: 'rent_by_lease', params: {} });
    return { amount: 0n, claimed: null, refusal: 'NOTHING_CLAIMED' };
  }
  if (formula.type === 'table') {
    const value = (formula.by === 'talentTier' ? input.talentTier : input.degree) ?? 'none';
    const row = formula.rows.find((r) => r.key === value);
    if (!row) {
      lines.push({ key: 'no_table_row', params: { by: formula.by, value } });
      return { amount: 0n, claimed: null, refusal: 'NO_TABLE_ROW' };
    }
    lines.push({ key: 'table_row', params: { by: formula.by, row: row.key, amount: row.amount } });
    return { amount: row.amount, claimed: null, refusal: null };
  }
  const answer = input.form[formula.of];
  const claimed = typeof answer === 'bigint' && answer > 0n ? answer : 0n;
  let basisPoints = formula.basisPoints;
  if (formula.smallClaim && claimed <= formula.smallClaim.atMost) {
    basisPoints = formula.smallClaim.basisPoints;
    lines.push({ key: 'small_claim_rate', params: { atMost: formula.smallClaim.atMost, basisPoints } });
  } else if (formula.byChoice) {
    const option = input.form[formula.byChoice.field];
    const rate = formula.byChoice.rates.find((r) => r.option === option);
    if (rate) {
      basisPoints = rate.basisPoints;
      lines.push({ key: 'rate_by_choice', params: { field: formula.byChoice.field, option: rate.option, basisPoints } });
    }
  }
  let amount = share(claimed, basisPoints);
  lines.push({ key: 'percentage', params: { claimed, basisPoints, result: amount } });
  if (amount === 0n) return { amount, claimed, refusal: 'NOTHING_CLAIMED' };
  if (formula.cap !== null && amount > formula.cap) {
    amount = formula.cap;
    lines.push({ key: 'cap_applied', params: { cap: formula.cap } });
  }
  return { amount, claimed, refusal: null };
}

/**
 * One claim, one subsidy, unless programs share a stacking group; then together they pay at
 * most maxCombinedBasisPoints of the claim. Returns the room left on the claim for this award.
 */
function stackingRoom(
  formula: BenefitFormula,
  input: BenefitInput,
  claimed: bigint | null,
  lines: BenefitLine[],
): { room: bigint | null; refusal: BenefitRefusal | null } {
  const stacking = formula.stacking;
  const blocking = input.awardsOnClaim.find((a) => a.program === input.program || !stacking || a.group !== stacking.group);
  if (blocking) {
    lines.push({ key: 'duplicate_claim', params: { program: blocking.program } });
    return { room: 0n, refusal: 'DUPLICATE_CLAIM' };
  }
  if (!stacking || claimed === null) return { room: null, refusal: null };
  const others = sum(input.awardsOnClaim.map((a) => a.amount));
  const limit = share(claimed, stacking.maxCombinedBasisPoints);
  const room = limit > others ? limit - others : 0n;
  lines.push({
    key: 'stacking_limit',
    params: { group: stacking.group, maxCombinedBasisPoints: stacking.maxCombinedBasisPoints, limit, otherAwards: others, remaining: room },
  });
  return { room, refusal: room === 0n ? 'STACKING_LIMIT' : null };
}

/** Split so the parts add up exactly: every part rounds down, the last takes the remainder. */
export function splitTranches(amount: bigint, tranches: Common['tranches']): Tranche[] {
  let left = amount;
  return tranches.map((t, i) => {
    const part = i === tranches.length - 1 ? left : share(amount, t.shareBasisPoints);
    left -= part;
    return { amount: part, shareBasisPoints: t.shareBasisPoints, condition: t.condition };
  });
}

/** A tranche line's condition: months of social insurance (0: none), or a date or a report. */
function trancheParams(c: TrancheCondition | null): Record<string, number | string> {
  if (c?.kind === 'date') return { months: 0, condition: 'date', monthsAfterAward: c.monthsAfterAward };
  if (c?.kind === 'milestone_accepted') return { months: 0, condition: 'report', milestone: c.milestone };
  if (c?.kind === 'metered_usage') return { months: 0, condition: 'usage' };
  return { months: c?.months ?? 0 };
}

/** What one award pays under a formula, explained line by line for the applicant. */
export function computeBenefit(formula: BenefitFormula, input: BenefitInput): BenefitResult {
  const lines: BenefitLine[] = [];
  const base = baseAmount(formula, input, lines);
  let amount = base.amount;
  let refusal = base.refusal;

  if (amount > 0n) {
    const stacked = stackingRoom(formula, input, base.claimed, lines);
    if (stacked.room !== null && stacked.room < amount) {
      amount = stacked.room;
      refusal = stacked.refusal;
    }
  }

  const cap = formula.caps.perApplicantPerYear;
  if (amount > 0n && cap !== null) {
    const previous = sum(input.awardedThisYear);
    const remaining = cap > previous ? cap - previous : 0n;
    if (previous > 0n) lines.push({ key: 'already_awarded_this_year', params: { previous, cap, remaining } });
    if (remaining < amount) {
      amount = remaining;
      lines.push({ key: 'annual_cap_applied', params: { cap, remaining } });
      if (amount === 0n) refusal = 'CAP_REACHED';
    }
  }

  const cityShare = formula.coFunding ? share(amount, formula.coFunding.cityBasisPoints) : amount;
  const employerShare = amount - cityShare;
  if (formula.coFunding) lines.push({ key: 'co_funding', params: { cityBasisPoints: formula.coFunding.cityBasisPoints, cityShare, employerShare } });

  const tranches = splitTranches(amount, formula.tranches);
  if (tranches.length > 1 || tranches[0]?.condition) {
    tranches.forEach((t, i) =>
      lines.push({ key: 'tranche', params: { index: i + 1, shareBasisPoints: t.shareBasisPoints, amount: t.amount, ...trancheParams(t.condition) } }),
    );
  }
  lines.push({ key: 'total', params: { amount } });
  return { amount, tranches, cityShare, employerShare, lines, refusal: amount === 0n ? (refusal ?? 'NOTHING_CLAIMED') : null };
}

/** The JSON shape (contracts BenefitExplanation): bigint fen become decimal strings. */
export function toBenefitExplanation(result: BenefitResult): BenefitExplanation {
  const json = (params: BenefitLine['params']) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
  return {
    amount: result.amount.toString(),
    cityShare: result.cityShare.toString(),
    employerShare: result.employerShare.toString(),
    tranches: result.tranches.map((t) => ({ amount: t.amount.toString(), shareBasisPoints: t.shareBasisPoints, condition: t.condition })),
    lines: result.lines.map((l) => ({ key: l.key, params: json(l.params) })),
    refusal: result.refusal,
  };
}

/**
 * A compute voucher's rates from its program's percentage formula (pure): the domestic
 * rate by the choice row for "domestic" (Hangzhou: 30%), the base rate otherwise (20%),
 * and the small-contract rate for both when the award's contract is small enough (2025:
 * <= CNY 0.5 m, 50%). The annual cap per firm comes from the formula's caps.
 */
export type PercentageLike = {
  of: string;
  basisPoints: number;
  byChoice: { field: string; rates: { option: string; basisPoints: number }[] } | null;
  smallClaim: { atMost: string; basisPoints: number } | null;
  cap: string | null;
  caps: { perApplicantPerYear: string | null };
};

export function voucherRates(formula: PercentageLike, answers: Record<string, unknown>): { domestic: number; other: number; annualCap: bigint | null } {
  const claimed = typeof answers[formula.of] === 'string' && /^\d+$/.test(answers[formula.of] as string) ? BigInt(answers[formula.of] as string) : null;
  const cap = formula.caps.perApplicantPerYear ?? formula.cap;
  const annualCap = cap === null ? null : BigInt(cap);
  if (formula.smallClaim && claimed !== null && claimed <= BigInt(formula.smallClaim.atMost))
    return { domestic: formula.smallClaim.basisPoints, other: formula.smallClaim.basisPoints, annualCap };
  const domestic = formula.byChoice?.rates.find((r) => r.option === 'domestic')?.basisPoints ?? formula.basisPoints;
  return { domestic, other: formula.basisPoints, annualCap };
}

import type { RecoveryRule } from '../../../contracts/obligations.js';

/**
 * How much a decided breach recovers (pure): all that is still paid out; a fixed share
 * of it; or pro rata to the time the obligation had left, counted in days from the
 * breach to the obligation's end over its whole length. Fen are rounded half up, so a
 * recovery never differs from the hand-worked figure by more than half a fen.
 */
export type RecoveryTerms = {
  /** What the award paid and the city has not yet taken back, in fen. */
  outstanding: bigint;
  rule: RecoveryRule;
  shareBasisPoints: number | null;
  startsOn: string;
  endsOn: string;
  breachOn: string;
};

export function recoveryAmount(t: RecoveryTerms): bigint {
  if (t.outstanding <= 0n) return 0n;
  if (t.rule === 'all') return t.outstanding;
  if (t.rule === 'share') return divideHalfUp(t.outstanding * BigInt(t.shareBasisPoints ?? 10_000), 10_000n);
  const total = daysBetween(t.startsOn, t.endsOn);
  if (total <= 0) return t.outstanding;
  const left = Math.min(total, Math.max(0, daysBetween(t.breachOn < t.startsOn ? t.startsOn : t.breachOn, t.endsOn)));
  return divideHalfUp(t.outstanding * BigInt(left), BigInt(total));
}

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

import type { BenefitExplanation } from '../../../contracts/programs.js';
import { splitTranches } from '../programs/index.js';

/**
 * What the city's budget line pays of each tranche of an award. A co-funded benefit
 * (`coFunding`) is paid by the city only up to its `cityShare`; the employer pays the rest
 * itself, outside the ledger. So the line is committed with the city's share, and that
 * share is split by the tranches' shares as the benefit engine splits the whole (each part
 * rounds down, the last takes what is left): the parts add up to `cityShare` exactly.
 * Without co-funding the city's share is the whole amount and the tranches are unchanged.
 */
export function cityTranches(benefit: BenefitExplanation): BenefitExplanation['tranches'] {
  const parts = splitTranches(BigInt(benefit.cityShare), benefit.tranches);
  return benefit.tranches.map((t, i) => ({ ...t, amount: parts[i]!.amount.toString() }));
}

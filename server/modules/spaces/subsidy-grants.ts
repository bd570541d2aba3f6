import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { spaceLeases } from './spaces.tables.js';

/** A rent-subsidy program's grants: the leases signed under it with a subsidy, and their commitments. */
export type RentSubsidyGrants = { leases: number; commitmentIds: string[] };

/**
 * Per rent-subsidy program, the leases granted a subsidy (a rent subsidy is granted per
 * lease: each holds a commitment on the program's line, and an extension may add a second)
 * with their commitment ids, for the public per-program figures (the ledger sums them).
 */
export async function rentSubsidyGrants(db: Db | Tx, hubId: string, programIds: readonly string[]): Promise<Map<string, RentSubsidyGrants>> {
  if (programIds.length === 0) return new Map();
  const rows = await db
    .select({ program: spaceLeases.programId, commitment: spaceLeases.commitmentId, extension: spaceLeases.extensionCommitmentId })
    .from(spaceLeases)
    .where(
      and(
        eq(spaceLeases.hubId, hubId),
        inArray(spaceLeases.programId, [...programIds]),
        or(isNotNull(spaceLeases.commitmentId), isNotNull(spaceLeases.extensionCommitmentId)),
      ),
    );
  const out = new Map<string, RentSubsidyGrants>();
  for (const r of rows) {
    const grants = out.get(r.program!) ?? { leases: 0, commitmentIds: [] };
    grants.leases += 1;
    for (const id of [r.commitment, r.extension]) if (id) grants.commitmentIds.push(id);
    out.set(r.program!, grants);
  }
  return out;
}

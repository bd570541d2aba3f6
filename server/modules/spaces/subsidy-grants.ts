import { and, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { spaceLeases } from './spaces.tables.js';

/**
 * The hub's leases that are rent-subsidy grants: signed under a program and holding a
 * commitment (the lease's, or only its extension's). The one rule for the public figures
 * (`rentSubsidyGrants`) and the public lists of awards (`public-rent-grants.ts`).
 */
export const subsidisedLeases = (hubId: string): SQL =>
  and(eq(spaceLeases.hubId, hubId), isNotNull(spaceLeases.programId), or(isNotNull(spaceLeases.commitmentId), isNotNull(spaceLeases.extensionCommitmentId)))!;

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
    .where(and(subsidisedLeases(hubId), inArray(spaceLeases.programId, [...programIds])));
  const out = new Map<string, RentSubsidyGrants>();
  for (const r of rows) {
    const grants = out.get(r.program!) ?? { leases: 0, commitmentIds: [] };
    grants.leases += 1;
    for (const id of [r.commitment, r.extension]) if (id) grants.commitmentIds.push(id);
    out.set(r.program!, grants);
  }
  return out;
}

/** The program each of these leases was signed under (leases without one are left out). */
export async function leasePrograms(db: Db | Tx, hubId: string, leaseIds: readonly string[]): Promise<Map<string, string>> {
  if (leaseIds.length === 0) return new Map();
  const rows = await db
    .select({ id: spaceLeases.id, program: spaceLeases.programId })
    .from(spaceLeases)
    .where(and(eq(spaceLeases.hubId, hubId), inArray(spaceLeases.id, [...leaseIds]), isNotNull(spaceLeases.programId)));
  return new Map(rows.map((r) => [r.id, r.program!]));
}

import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { spaceLeases } from './spaces.tables.js';

type LeaseRow = typeof spaceLeases.$inferSelect;

/**
 * Where a lease's rent-subsidy years count from, and the extension it carries on. A move
 * does not restart a company's subsidy: a moved lease (`replacesId`) counts its program's
 * lease years, and its extension window, from the start of the first lease of its chain,
 * and keeps the extension as it stood (granted, lapsed or still pending). A renewal is a new
 * term and counts from its own start (see renew-lease.service.ts).
 */
export type LeaseYears = { from: string; extension: LeaseRow['extension'] };

/** A chain of moves longer than this is a cycle in broken data, not a company moving house. */
const MAX_MOVES = 1_000;

/** The first day of the first lease a lease's chain of moves (`replaces_id`) goes back to; its own start when it replaces none. */
export async function leaseYearsFrom(db: Db | Tx, hubId: string, lease: Pick<LeaseRow, 'startsOn' | 'replacesId'>): Promise<string> {
  let from = lease.startsOn;
  // One row at a time, each by (hub_id, id): routable on Citus, where a recursive CTE is not.
  for (let id = lease.replacesId, hops = 0; id && hops < MAX_MOVES; hops++) {
    const [row] = await db
      .select({ startsOn: spaceLeases.startsOn, replacesId: spaceLeases.replacesId })
      .from(spaceLeases)
      .where(and(eq(spaceLeases.hubId, hubId), eq(spaceLeases.id, id)));
    if (!row) break;
    from = row.startsOn;
    id = row.replacesId;
  }
  return from;
}

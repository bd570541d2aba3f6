import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { serverMessage, withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { freeHold } from './holds.service.js';
import { reopenRequest } from './offer-reopen.js';
import type { Scope } from './space-scope.js';
import { spaceHolds, spaceRequests } from './spaces.tables.js';

/**
 * Offers past their time limit go back: the hold is released (when it is still active: one
 * that has expired meanwhile has nothing left to free) and the request waits again, at its
 * place. One transaction per request; a request that fails is rolled back alone and the
 * others still lapse, then the failures are thrown together (the job's run fails and says
 * which). Returns how many offers lapsed.
 */
export async function lapseSpaceOffers(db: Db, hub: HubRow, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: spaceRequests.id })
    .from(spaceRequests)
    .where(and(eq(spaceRequests.hubId, hub.id), eq(spaceRequests.status, 'offered'), sql`${spaceRequests.offerExpiresAt} <= ${now.toISOString()}`))
    .orderBy(desc(spaceRequests.id));
  const system: Scope = { hub, actor: { userId: null, hubRoles: ['hub_admin'] } };
  const failures: string[] = [];
  let lapsed = 0;
  for (const { id } of due) {
    try {
      if (await withTransaction(db, (tx) => lapseOne(tx, system, id, now))) lapsed++;
    } catch (error) {
      // PostgreSQL's own words when it refused (not the query and its parameters), the error's otherwise.
      failures.push(`request ${id}: ${serverMessage(error) ?? (error instanceof Error ? error.message : String(error))}`);
    }
  }
  if (failures.length) throw new Error(`lapsing space offers failed for ${failures.join('; ')}`);
  return lapsed;
}

/** One offer lapses, its request row locked first, then its hold (the order accepting takes them in). */
async function lapseOne(tx: Tx, system: Scope, id: string, now: Date): Promise<boolean> {
  const hubId = system.hub.id;
  const [request] = await tx
    .select()
    .from(spaceRequests)
    .where(and(eq(spaceRequests.hubId, hubId), eq(spaceRequests.id, id)))
    .for('update');
  if (!request || request.status !== 'offered' || !request.holdId) return false;
  const [hold] = await tx
    .select()
    .from(spaceHolds)
    .where(and(eq(spaceHolds.hubId, hubId), eq(spaceHolds.id, request.holdId)))
    .for('update');
  if (hold?.status === 'active') await freeHold(tx, system, hold, { from: hold.startsOn }, now);
  await reopenRequest(tx, request, null, 'space.offer_lapsed');
  return true;
}

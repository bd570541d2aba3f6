import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { spaceRequests } from './spaces.tables.js';

type RequestRow = typeof spaceRequests.$inferSelect;

/**
 * The open offer a hold backs: its request row, locked (request before hold, the order
 * accepting and lapsing take them in). Undefined when the hold backs none.
 */
export async function offerBackedBy(tx: Tx, hubId: string, holdId: string): Promise<RequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(spaceRequests)
    .where(and(eq(spaceRequests.hubId, hubId), eq(spaceRequests.holdId, holdId), eq(spaceRequests.status, 'offered')))
    .for('update');
  return row;
}

/**
 * An offer is taken: the request is `accepted` with the lease its hold became, audited as
 * `space.offer_accepted` (the company accepting it, or an operator converting its hold).
 */
export async function acceptedOffer(tx: Tx, request: RequestRow, lease: { id: string; programId: string | null }, actorId: string | null): Promise<RequestRow> {
  const [row] = await tx
    .update(spaceRequests)
    .set({ status: 'accepted', leaseId: lease.id })
    .where(and(eq(spaceRequests.hubId, request.hubId), eq(spaceRequests.id, request.id)))
    .returning();
  await recordAudit(tx, {
    hubId: request.hubId,
    actorId,
    action: 'space.offer_accepted',
    subjectType: 'space_request',
    subjectId: request.id,
    payload: { lease: lease.id, program: lease.programId },
  });
  return row!;
}

/**
 * An offer goes back: the request waits again, at its place in the queue (its id orders
 * it), with no hold, time limit, program or staff. Audited as `space.offer_lapsed` (its
 * time ran out) or `space.offer_withdrawn` (an operator released its hold).
 */
export async function reopenRequest(
  tx: Tx,
  request: RequestRow,
  actorId: string | null,
  action: 'space.offer_lapsed' | 'space.offer_withdrawn',
): Promise<void> {
  await tx
    .update(spaceRequests)
    .set({ status: 'waiting', holdId: null, offerExpiresAt: null, offerProgramId: null, offerStaff: null })
    .where(and(eq(spaceRequests.hubId, request.hubId), eq(spaceRequests.id, request.id)));
  await recordAudit(tx, {
    hubId: request.hubId,
    actorId,
    action,
    subjectType: 'space_request',
    subjectId: request.id,
    payload: { hold: request.holdId },
  });
}

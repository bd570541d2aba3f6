import { and, eq } from 'drizzle-orm';
import type { ConvertHoldInput } from '../../../contracts/spaces.js';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { freeClaims, stillClaimed } from './claims.js';
import { heldNodeIds, holdFor } from './holds.service.js';
import { createLease, type LeaseRow } from './leases.service.js';
import { acceptedOffer, offerBackedBy } from './offer-reopen.js';
import type { Scope } from './space-scope.js';
import { spaceHolds } from './spaces.tables.js';
import type { Terms } from './subsidy.service.js';

type ConvertTerms = Required<Omit<ConvertHoldInput, 'steps' | 'nodeIds'>> & Terms & { nodeIds?: string[] | undefined };

/**
 * Turns a hold (all of it, or some of its nodes) into a lease for the organisation it was
 * held for, in one transaction: the hold lets go of those nodes from the lease's first
 * day and the lease takes them. A hold with nothing left is `converted`. A hold that backs
 * an open offer is the offer: converting it takes the offer in the same transaction (the
 * request is `accepted` with this lease, audited `space.offer_accepted`, as when the company
 * accepts), so no request stays `offered` on a hold that became a lease.
 */
export async function convertHoldToLease(tx: Tx, scope: Scope, holdId: string, input: ConvertTerms, now = new Date()): Promise<LeaseRow> {
  // The request first, then the hold: the order accepting and lapsing an offer lock them in.
  const offer = await offerBackedBy(tx, scope.hub.id, holdId);
  const lease = await leaseFromHold(tx, scope, holdId, input, now);
  if (offer) await acceptedOffer(tx, offer, lease, scope.actor.userId);
  return lease;
}

/** `convertHoldToLease` without the offer its hold may back: accepting an offer takes the offer itself. */
export async function leaseFromHold(tx: Tx, scope: Scope, holdId: string, input: ConvertTerms, now = new Date()): Promise<LeaseRow> {
  const hold = await holdFor(tx, scope, holdId, 'run', true);
  if (hold.status !== 'active') throw new AppError('HOLD_NOT_ACTIVE');
  const held = await heldNodeIds(tx, scope.hub.id, holdId);
  const nodeIds = input.nodeIds ?? held;
  const stray = nodeIds.map((n, i) => ({ n, i })).filter(({ n }) => !held.includes(n));
  if (stray.length)
    throw new AppError(
      'VALIDATION_FAILED',
      stray.map(({ i }) => ({ path: `nodeIds.${i}`, code: 'INVALID' as const, detail: 'not held by this hold' })),
    );
  if (nodeIds.length === 0) throw new AppError('HOLD_NOT_ACTIVE');
  await freeClaims(tx, scope.hub.id, holdId, input.startsOn, nodeIds);
  const lease = await createLease(tx, scope, { ...input, organizationId: hold.organizationId, nodeIds }, now, { fromHoldId: holdId });
  const left = await stillClaimed(tx, scope.hub.id, holdId, input.startsOn);
  await tx
    .update(spaceHolds)
    .set({ leaseId: lease.id, ...(left ? {} : { status: 'converted', releasedOn: input.startsOn }) })
    .where(and(eq(spaceHolds.hubId, scope.hub.id), eq(spaceHolds.id, holdId)));
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.hold_converted',
    subjectType: 'space_hold',
    subjectId: holdId,
    payload: { lease: lease.id, nodes: nodeIds },
  });
  return lease;
}

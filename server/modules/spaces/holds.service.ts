import { and, desc, eq, sql } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { ReleaseHoldInput, SpaceHoldInput } from '../../../contracts/spaces.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { claimedNodeIds, freeClaims, stillClaimed } from './claims.js';
import { requireOrganization } from '../ecosystem/index.js';
import { offerBackedBy, reopenRequest } from './offer-reopen.js';
import { memberOrganizations, operatedParkIds, requirePark, standingIn, type Scope } from './space-scope.js';
import { tenancyPolicy } from './spaces.policies.js';
import { spaceHolds } from './spaces.tables.js';
import { newRef, takeSpace } from './take-space.js';

export type HoldRow = typeof spaceHolds.$inferSelect;

/**
 * Holds space for a named organisation (up to whole buildings, for years): why, who
 * decided, until when. Its units cannot be leased to anyone (the claims' constraint).
 */
export async function createSpaceHold(tx: Tx, scope: Scope, input: Required<SpaceHoldInput>): Promise<HoldRow> {
  const id = uuidv7();
  const row = await takeSpace(
    tx,
    scope,
    { kind: 'hold', id, organizationId: input.organizationId, nodeIds: input.nodeIds, days: input },
    async ({ parkId }) => {
      const [written] = await tx
        .insert(spaceHolds)
        .values({
          hubId: scope.hub.id,
          id,
          ref: newRef('H'),
          organizationId: input.organizationId,
          parkId,
          nodeIds: input.nodeIds,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          reason: input.reason,
          decidedBy: input.decidedBy,
          source: input.source,
          createdBy: scope.actor.userId,
        })
        .returning();
      return written!;
    },
  );
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.held',
    subjectType: 'space_hold',
    subjectId: id,
    payload: { organization: input.organizationId, nodes: input.nodeIds, startsOn: input.startsOn, endsOn: input.endsOn },
  });
  return row;
}

/** A hold the caller may `action` (404 to those who may not read it). */
export async function holdFor(db: Db | Tx, scope: Scope, id: string, action: string, lock = false): Promise<HoldRow> {
  const q = db
    .select()
    .from(spaceHolds)
    .where(and(eq(spaceHolds.hubId, scope.hub.id), eq(spaceHolds.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  const operates = (await operatedParkIds(db, scope)).has(row.parkId);
  tenancyPolicy.authorize(scope.actor, action, { ...(await standingIn(db, scope, row.organizationId)), operates });
  return row;
}

/**
 * Frees a hold from a day on (today by default): all of it, or only some of its nodes.
 * A hold with nothing left held is `released`. A hold that backs an open offer is the
 * offer: releasing it withdraws the offer in the same transaction (the request waits again,
 * at its place), and it is released whole (naming only some of its nodes is a 400 on
 * `nodeIds`), so an offer never stands on a hold that is gone or shrunk.
 */
export async function releaseSpaceHold(tx: Tx, scope: Scope, id: string, input: ReleaseHoldInput, now = new Date()): Promise<HoldRow> {
  // The request first, then the hold: the order accepting and lapsing an offer lock them in.
  const offer = await offerBackedBy(tx, scope.hub.id, id);
  const hold = await holdFor(tx, scope, id, 'run', true);
  if (hold.status !== 'active') throw new AppError('HOLD_NOT_ACTIVE');
  if (input.nodeIds?.some((n) => !hold.nodeIds.includes(n))) {
    throw new AppError(
      'VALIDATION_FAILED',
      input.nodeIds.flatMap((n, i) => (hold.nodeIds.includes(n) ? [] : [{ path: `nodeIds.${i}`, code: 'INVALID' as const, detail: 'not held by this hold' }])),
    );
  }
  if (offer && input.nodeIds && hold.nodeIds.some((n) => !input.nodeIds!.includes(n)))
    throw new AppError('VALIDATION_FAILED', [{ path: 'nodeIds', code: 'INVALID', detail: `the hold of offer ${offer.ref} is released whole` }]);
  const row = await freeHold(tx, scope, hold, input, now);
  if (offer) await reopenRequest(tx, offer, scope.actor.userId, 'space.offer_withdrawn');
  return row;
}

/** Frees an active hold (`releaseSpaceHold` without the checks of who and what): the claims from the day on, audited. */
export async function freeHold(tx: Tx, scope: Scope, hold: HoldRow, input: ReleaseHoldInput, now = new Date()): Promise<HoldRow> {
  const id = hold.id;
  const today = localToday(scope.hub.timeZone, now);
  const from = input.from ?? (today > hold.startsOn ? today : hold.startsOn);
  if (from < hold.startsOn) throw new AppError('VALIDATION_FAILED', [{ path: 'from', code: 'INVALID', detail: `the hold starts ${hold.startsOn}` }]);
  await freeClaims(tx, scope.hub.id, id, from, input.nodeIds);
  const left = await stillClaimed(tx, scope.hub.id, id, from);
  // Some nodes still held: the row stays as it is (its claims say what is held); else it is released.
  const [row] = left
    ? [hold]
    : await tx
        .update(spaceHolds)
        .set({ status: 'released', releasedOn: from })
        .where(and(eq(spaceHolds.hubId, scope.hub.id), eq(spaceHolds.id, id)))
        .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.hold_released',
    subjectType: 'space_hold',
    subjectId: id,
    payload: { from, nodes: input.nodeIds ?? null, whole: !left },
  });
  return row!;
}

/** Nodes still held by a hold. */
export const heldNodeIds = (tx: Tx, hubId: string, holdId: string) => claimedNodeIds(tx, hubId, holdId);

/** Holds of the hub a caller may see: an organisation's (its members), a park's (its operators), all (admins). */
export async function listSpaceHolds(
  db: Db | Tx,
  scope: Scope,
  filter: { organizationId?: string | undefined; parkId?: string | undefined; status?: string | undefined } & CursorQuery,
): Promise<CursorPage<HoldRow>> {
  const seeAll = scope.actor.hubRoles.some((r) => r === 'hub_admin' || r === 'auditor');
  const parks = [...(await operatedParkIds(db, scope))];
  // Another hub's organisation or park named in the filter answers 404, to everyone.
  if (filter.organizationId) await requireOrganization(db, scope.hub.id, filter.organizationId);
  if (filter.parkId) await requirePark(db, scope.hub.id, filter.parkId);
  if (filter.organizationId && !seeAll && !(await standingIn(db, scope, filter.organizationId)).reads && parks.length === 0) throw notFound();
  const orgs = await memberOrganizations(db, scope);
  const visible = seeAll
    ? undefined
    : sql`(${spaceHolds.parkId} = ANY(${sql.param(parks)}::uuid[]) OR ${spaceHolds.organizationId} = ANY(${sql.param(orgs)}::uuid[]))`;
  const key = readCursor(filter.next, 1);
  const rows = await db
    .select()
    .from(spaceHolds)
    .where(
      and(
        eq(spaceHolds.hubId, scope.hub.id),
        visible,
        filter.organizationId ? eq(spaceHolds.organizationId, filter.organizationId) : undefined,
        filter.parkId ? eq(spaceHolds.parkId, filter.parkId) : undefined,
        filter.status ? eq(spaceHolds.status, filter.status) : undefined,
        key ? after([spaceHolds.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(spaceHolds.id))
    .limit(filter.limit + 1);
  return pageOf(rows, filter.limit, (r) => [r.id]);
}

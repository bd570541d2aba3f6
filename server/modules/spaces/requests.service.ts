import { and, asc, eq, sql } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { SpaceRequestInput } from '../../../contracts/spaces.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/index.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { usersOfApplicants, requireOrganization } from '../ecosystem/index.js';
import { rentSubsidyProgram } from '../programs/index.js';
import { leaseFromHold } from './convert-hold.service.js';
import { createSpaceHold } from './holds.service.js';
import type { LeaseRow } from './leases.service.js';
import { acceptedOffer } from './offer-reopen.js';
import { listRentOfHold, offerEnds, STEP_RENT_MAX } from './offer-terms.js';
import { memberOrganizations, operatedParkIds, requirePark, standingIn, type Scope } from './space-scope.js';
import { tenancyPolicy } from './spaces.policies.js';
import { spaceRequests } from './spaces.tables.js';
import { newRef } from './take-space.js';

export type RequestRow = typeof spaceRequests.$inferSelect;

/** A company asks for space: m² or seats, from a date, for some months. It joins the queue. */
export async function requestSpace(tx: Tx, scope: Scope, input: Required<SpaceRequestInput>): Promise<RequestRow> {
  // The company first (404 unless the caller reads it, 403 to a "can view" colleague), then the park it names.
  await requireOrganization(tx, scope.hub.id, input.organizationId);
  tenancyPolicy.authorize(scope.actor, 'ask', { ...(await standingIn(tx, scope, input.organizationId)), operates: false });
  if (input.parkId !== null) await requirePark(tx, scope.hub.id, input.parkId);
  const id = uuidv7();
  const [row] = await tx
    .insert(spaceRequests)
    .values({
      hubId: scope.hub.id,
      id,
      ref: newRef('R'),
      organizationId: input.organizationId,
      parkId: input.parkId,
      areaM2: input.areaM2 === null ? null : input.areaM2.toFixed(2),
      seats: input.seats,
      startsOn: input.startsOn,
      months: input.months,
      features: input.features,
      createdBy: scope.actor.userId!,
    })
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.requested',
    subjectType: 'space_request',
    subjectId: id,
    payload: { organization: input.organizationId, startsOn: input.startsOn, months: input.months },
  });
  return row!;
}

/** A request the caller may `action`: its organisation's members (to read; to accept, those who act for it), operators (of its park, or any when it names none), admins. */
export async function requestFor(db: Db | Tx, scope: Scope, id: string, action: string, lock = false): Promise<RequestRow> {
  const q = db
    .select()
    .from(spaceRequests)
    .where(and(eq(spaceRequests.hubId, scope.hub.id), eq(spaceRequests.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  const parks = await operatedParkIds(db, scope);
  const operates = row.parkId ? parks.has(row.parkId) : parks.size > 0;
  tenancyPolicy.authorize(scope.actor, action, { ...(await standingIn(db, scope, row.organizationId)), operates });
  return row;
}

/** Members see their organisations' requests; operators and admins the queue (oldest first). */
export async function listSpaceRequests(db: Db | Tx, scope: Scope, query: { status?: string | undefined } & CursorQuery): Promise<CursorPage<RequestRow>> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const staff = scope.actor.hubRoles.some((r) => r === 'hub_admin' || r === 'auditor');
  const parks = [...(await operatedParkIds(db, scope))];
  const orgs = await memberOrganizations(db, scope);
  const visible = staff
    ? undefined
    : sql`(${spaceRequests.organizationId} = ANY(${sql.param(orgs)}::uuid[]) OR (${parks.length > 0} AND (${spaceRequests.parkId} IS NULL OR ${spaceRequests.parkId} = ANY(${sql.param(parks)}::uuid[]))))`;
  const key = readCursor(query.next, 1);
  const rows = await db
    .select()
    .from(spaceRequests)
    .where(
      and(
        eq(spaceRequests.hubId, scope.hub.id),
        visible,
        query.status ? eq(spaceRequests.status, query.status) : undefined,
        key ? after([spaceRequests.id], key) : undefined,
      ),
    )
    .orderBy(asc(spaceRequests.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.id]);
}

/** The place of a waiting request in the queue (1 = next). */
export async function queuePosition(db: Db | Tx, row: RequestRow): Promise<number | null> {
  if (row.status !== 'waiting') return null;
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM space_requests WHERE hub_id = ${row.hubId} AND status = 'waiting' AND id <= ${row.id}`);
  return rows[0]!.n;
}

/**
 * The operator offers units to a waiting request: they are held for the organisation
 * (the same exclusion constraint) until the offer's time limit; the company's members are told.
 */
export async function offerSpace(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { nodeIds: string[]; hours: number; programId?: string | null; staff?: number | null },
  now = new Date(),
): Promise<RequestRow> {
  const request = await requestFor(tx, scope, id, 'run', true);
  if (request.status !== 'waiting') throw new AppError('CONFLICT');
  // A subsidised offer names a published rent-subsidy program the company qualifies for now
  // (checked again when it accepts, where the subsidy is committed).
  if (input.programId) {
    const program = await rentSubsidyProgram(tx, scope.hub.id, input.programId);
    if (!(await program.eligible(request.organizationId, now))) throw new AppError('NOT_ELIGIBLE', [{ path: 'programId', code: 'INVALID' }]);
  }
  const hold = await createSpaceHold(tx, scope, {
    organizationId: request.organizationId,
    nodeIds: input.nodeIds,
    startsOn: request.startsOn,
    endsOn: offerEnds(request),
    reason: `Offer for request ${request.ref}`,
    decidedBy: 'Space operator',
    source: null,
  });
  const expires = new Date(now.getTime() + input.hours * 3_600_000);
  const [row] = await tx
    .update(spaceRequests)
    .set({ status: 'offered', holdId: hold.id, offerExpiresAt: expires, offerProgramId: input.programId ?? null, offerStaff: input.staff ?? null })
    .where(and(eq(spaceRequests.hubId, scope.hub.id), eq(spaceRequests.id, id)))
    .returning();
  const users = await usersOfApplicants(tx, scope.hub.id, 'organization', [request.organizationId]);
  await notify(
    tx,
    scope.hub.id,
    users.map((u) => ({
      userId: u.userId,
      kind: 'space_offered',
      subjectType: 'space_request',
      subjectId: id,
      payload: {
        ref: request.ref,
        expiresAt: expires.toISOString(),
        title: { zh: `您的用房申请 ${request.ref} 有可用空间`, en: `Space is offered for your request ${request.ref}` },
        link: `/hubs/${scope.hub.slug}/spaces/mine`,
      },
    })),
  );
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.offered',
    subjectType: 'space_request',
    subjectId: id,
    payload: { hold: hold.id, nodes: input.nodeIds, expiresAt: expires.toISOString(), program: input.programId ?? null },
  });
  return row!;
}

/**
 * A member accepts an offer in time: the held units become a lease at their list rent for
 * the months asked, under the offer's rent-subsidy program when it names one (the subsidy
 * split by the program's formula and committed on its line, the months begun paid). The
 * offer is the operator's decision, so accepting carries it out with the operator's powers
 * over that one hold, never more. The request row is locked first: two accepts at once
 * queue there, and the second finds it accepted (CONFLICT), so there is one lease and one
 * commitment.
 */
export async function acceptSpaceOffer(tx: Tx, scope: Scope, id: string, now = new Date()): Promise<{ request: RequestRow; lease: LeaseRow }> {
  const request = await requestFor(tx, scope, id, 'accept', true);
  if (request.status !== 'offered' || !request.holdId) throw new AppError('CONFLICT');
  if (request.offerExpiresAt && request.offerExpiresAt <= now) throw new AppError('OFFER_EXPIRED');
  const operator: Scope = { hub: scope.hub, actor: { userId: scope.actor.userId, hubRoles: ['hub_admin'] } };
  const endsOn = offerEnds(request);
  const { monthly } = await listRentOfHold(tx, scope.hub.id, request.holdId);
  // Units listed before the contract's cap on list rent: more a month than a lease's step holds.
  if (monthly > STEP_RENT_MAX)
    throw new AppError('CONFLICT', [
      { path: 'nodeIds', code: 'TOO_BIG', detail: 'the offered units list for more than a lease can take; change their list rent' },
    ]);
  const lease = await leaseFromHold(
    tx,
    operator,
    request.holdId,
    {
      startsOn: request.startsOn,
      endsOn,
      steps: [{ startsOn: request.startsOn, endsOn, monthlyRent: monthly.toString() }],
      noticeDays: 90,
      staff: request.offerStaff,
      programId: request.offerProgramId,
    },
    now,
  );
  return { request: await acceptedOffer(tx, request, lease, scope.actor.userId), lease };
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { EndLeaseInput, LeaseInput } from '../../../contracts/spaces.js';
import type { Db, Tx } from '../../db/connection.js';
import { rowOf } from '../../db/raw-row.js';
import { serverDetail, serverMessage, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { canonicalJson } from '../../platform/audit/hash-chain.js';
import { AppError, notFound } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { freeClaims, spaceNotAvailable } from './claims.js';
import { leaseYearsFrom, type LeaseYears } from './lease-years.js';
import { checkSteps, cutSteps } from './rent-schedule.js';
import { requireOrganization } from '../ecosystem/index.js';
import { memberOrganizations, operatedParkIds, requirePark, standingIn, type NodeRow, type Scope } from './space-scope.js';
import { tenancyPolicy } from './spaces.policies.js';
import { spaceLeases } from './spaces.tables.js';
import { commitSubsidy, leaseSteps, payDueSubsidy, planRent, settleSubsidy, writeSteps, type LeaseRow, type Terms } from './subsidy.service.js';
import type { RentStep } from './rent-schedule.js';
import { checkTaker, newRef } from './take-space.js';

export type { LeaseRow };
type NewLease = Required<Omit<LeaseInput, 'steps'>> & Terms;

/** The area of the units under (or being) the nodes, in hundredths of a m². */
export async function areaUnder(db: Db | Tx, hubId: string, nodes: readonly NodeRow[]): Promise<bigint> {
  const ids = sql.param(nodes.map((n) => n.id));
  const { rows } = await db.execute<{ centi: string }>(sql`
    SELECT coalesce(sum(round(area_m2 * 100)), 0)::bigint::text AS centi FROM space_nodes
    WHERE hub_id = ${hubId} AND kind = 'unit' AND (id = ANY(${ids}::uuid[]) OR ancestors && ${ids}::uuid[])`);
  return BigInt(rows[0]!.centi);
}

/**
 * Signs a lease: nodes and organisation checked, rent steps checked and split into tenant
 * and subsidy shares, then one round trip (`dg_space_lease`, migrations/0036): the space
 * taken under the exclusion constraint, the lease and its steps written, the audit event.
 * With a subsidy, it is then committed on the program's budget line and the months already
 * begun paid. All in the caller's transaction.
 * `options.fromHoldId` / `replacesId` / `renewsId` link a converted hold, a move or a renewal;
 * `options.years` carries a moved lease's subsidy years and extension (lease-years.ts).
 */
export async function createLease(
  tx: Tx,
  scope: Scope,
  input: NewLease,
  now = new Date(),
  options: { fromHoldId?: string; replacesId?: string; renewsId?: string; years?: LeaseYears } = {},
): Promise<LeaseRow> {
  const id = uuidv7();
  const { parkId, nodes } = await checkTaker(tx, scope, input, () => {
    const problems = checkSteps(input, input.steps);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  });
  const areaCenti = await areaUnder(tx, scope.hub.id, nodes);
  if (areaCenti <= 0n) throw new AppError('VALIDATION_FAILED', [{ path: 'nodeIds', code: 'TOO_SMALL', detail: 'no units, no area' }]);
  const carried = options.years ? { ...options.years, today: localToday(scope.hub.timeZone, now) } : undefined;
  const plan = await planRent(tx, scope.hub.id, input.organizationId, input, areaCenti, now, carried);
  const lease = await signLease(
    tx,
    scope,
    {
      id,
      ref: newRef('L'),
      organization_id: input.organizationId,
      park_id: parkId,
      node_ids: input.nodeIds,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      status: 'active',
      notice_days: input.noticeDays,
      staff: input.staff,
      area_m2: (Number(areaCenti) / 100).toFixed(2),
      program_id: plan.program?.id ?? null,
      subsidy_total: plan.total.toString(),
      extension: plan.extension,
      from_hold_id: options.fromHoldId ?? null,
      replaces_id: options.replacesId ?? null,
      renews_id: options.renewsId ?? null,
      created_by: scope.actor.userId,
    },
    plan.steps,
    {
      organization: input.organizationId,
      nodes: input.nodeIds,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      program: plan.program?.id ?? null,
      subsidy: plan.total.toString(),
      hold: options.fromHoldId ?? null,
      renews: options.renewsId ?? null,
    },
  );
  const commitmentId = plan.program ? await commitSubsidy(tx, { hubId: scope.hub.id, actorId: scope.actor.userId }, id, plan.program, plan.total) : null;
  if (!commitmentId) return lease;
  await tx
    .update(spaceLeases)
    .set({ commitmentId })
    .where(and(eq(spaceLeases.hubId, scope.hub.id), eq(spaceLeases.id, id)));
  await payDueSubsidy(tx, scope.hub.id, id, localToday(scope.hub.timeZone, now), scope.actor.userId);
  return (await findLease(tx, scope.hub.id, id))!;
}

/**
 * The lease's write in one call (`dg_space_lease`): claims, lease row (`lease`, with the
 * table's column names), rent steps and the audit event 'space.leased' with `payload`. On
 * Citus it runs on the hub's worker, also inside the route's transaction (force_delegation).
 */
async function signLease(
  tx: Tx,
  scope: Scope,
  lease: Record<string, unknown> & { id: string },
  steps: readonly RentStep[],
  payload: Record<string, unknown>,
): Promise<LeaseRow> {
  const rows = steps.map((s, seq) => ({
    seq,
    starts_on: s.startsOn,
    ends_on: s.endsOn,
    monthly_rent: s.monthlyRent.toString(),
    monthly_subsidy: s.monthlySubsidy.toString(),
  }));
  const at = new Date();
  try {
    const { rows: written } = await tx.execute<Record<string, unknown>>(sql`
      SELECT * FROM dg_space_lease(${scope.hub.id}::uuid, ${JSON.stringify(lease)}::jsonb, ${JSON.stringify(rows)}::jsonb,
        ${uuidv7()}::uuid, ${at.toISOString()}::timestamptz, ${scope.actor.userId}::uuid, ${canonicalJson(payload)})`);
    return rowOf(spaceLeases, written[0]!);
  } catch (error) {
    if (sqlState(error) === 'DG001' && serverMessage(error) === 'SPACE_NOT_AVAILABLE') throw spaceNotAvailable(serverDetail(error));
    throw error;
  }
}

export async function findLease(db: Db | Tx, hubId: string, id: string, lock = false): Promise<LeaseRow | undefined> {
  const q = db
    .select()
    .from(spaceLeases)
    .where(and(eq(spaceLeases.hubId, hubId), eq(spaceLeases.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A lease the caller may `action` (404 to those who may not read it). */
export async function leaseFor(db: Db | Tx, scope: Scope, id: string, action: string, lock = false): Promise<LeaseRow> {
  const row = await findLease(db, scope.hub.id, id, lock);
  if (!row) throw notFound();
  tenancyPolicy.authorize(scope.actor, action, {
    ...(await standingIn(db, scope, row.organizationId)),
    operates: (await operatedParkIds(db, scope)).has(row.parkId),
  });
  return row;
}

/**
 * Ends a lease on `endsOn` (early, or a cancellation when it is the start): the units are
 * free from that day, the rent steps cut there. The subsidy is settled now when the end has
 * come or a condition was broken (everything paid comes back), otherwise by the monthly
 * job when the day comes: months paid beyond what is owed come back, the rest is released.
 */
export async function endLease(tx: Tx, scope: Scope, id: string, input: EndLeaseInput, now = new Date()): Promise<LeaseRow> {
  const lease = await leaseFor(tx, scope, id, 'run', true);
  if (lease.status !== 'active' || lease.endedOn) throw new AppError('LEASE_NOT_ACTIVE');
  if (input.endsOn < lease.startsOn)
    throw new AppError('VALIDATION_FAILED', [{ path: 'endsOn', code: 'ENDS_BEFORE_START', detail: `the lease starts ${lease.startsOn}` }]);
  if (input.endsOn > lease.endsOn) throw new AppError('VALIDATION_FAILED', [{ path: 'endsOn', code: 'TOO_BIG', detail: `the lease ends ${lease.endsOn}` }]);
  await freeClaims(tx, scope.hub.id, id, input.endsOn);
  const endsOn = input.endsOn > lease.startsOn ? input.endsOn : lease.startsOn;
  const steps = cutSteps(await leaseSteps(tx, scope.hub.id, id), endsOn);
  if (steps.length) await writeSteps(tx, scope.hub.id, id, steps);
  const settleNow = input.reason === 'condition_broken' || endsOn <= localToday(scope.hub.timeZone, now);
  if (settleNow) await settleSubsidy(tx, { hubId: scope.hub.id, actorId: scope.actor.userId }, lease, endsOn, input.reason === 'condition_broken');
  const [row] = await tx
    .update(spaceLeases)
    .set({
      endedOn: input.endsOn,
      endReason: input.reason,
      ...(steps.length ? { endsOn } : {}),
      ...(settleNow ? { status: input.reason === 'moved' ? 'moved' : 'ended' } : {}),
    })
    .where(and(eq(spaceLeases.hubId, scope.hub.id), eq(spaceLeases.id, id)))
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.lease_ended',
    subjectType: 'space_lease',
    subjectId: id,
    payload: { endsOn: input.endsOn, reason: input.reason },
  });
  return row!;
}

/**
 * Moves a lease to other units from a day, atomically: the old lease ends there and a new
 * one (same organisation, program and staff) takes the new units from it, in one
 * transaction; either the new lease stands or the old one does. The subsidy goes on where
 * it was: the new lease counts the program's lease years from the start of the first lease
 * of the chain and keeps its extension (a company in year 2 stays in year 2).
 */
export async function moveLease(
  tx: Tx,
  scope: Scope,
  id: string,
  input: { nodeIds: string[]; from: string; steps: Terms['steps'] },
  now = new Date(),
): Promise<LeaseRow> {
  const old = await leaseFor(tx, scope, id, 'run', true);
  if (old.status !== 'active' || old.endedOn) throw new AppError('LEASE_NOT_ACTIVE');
  if (input.from <= old.startsOn || input.from >= old.endsOn)
    throw new AppError('VALIDATION_FAILED', [{ path: 'from', code: 'INVALID', detail: `within ${old.startsOn}/${old.endsOn}` }]);
  const years: LeaseYears = { from: await leaseYearsFrom(tx, scope.hub.id, old), extension: old.extension };
  await endLease(tx, scope, id, { endsOn: input.from, reason: 'moved' }, now);
  return createLease(
    tx,
    scope,
    {
      organizationId: old.organizationId,
      nodeIds: input.nodeIds,
      startsOn: input.from,
      endsOn: old.endsOn,
      steps: input.steps,
      noticeDays: old.noticeDays,
      staff: old.staff,
      programId: old.programId,
    },
    now,
    { replacesId: old.id, years },
  );
}

/** Leases a caller may see: their organisations', their parks', or all (admins, auditors). */
export async function listLeases(
  db: Db | Tx,
  scope: Scope,
  filter: { organizationId?: string | undefined; parkId?: string | undefined; status?: string | undefined } & CursorQuery,
): Promise<CursorPage<LeaseRow>> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const seeAll = scope.actor.hubRoles.some((r) => r === 'hub_admin' || r === 'auditor');
  const parks = [...(await operatedParkIds(db, scope))];
  // Another hub's organisation or park named in the filter answers 404, to everyone.
  if (filter.organizationId) await requireOrganization(db, scope.hub.id, filter.organizationId);
  if (filter.parkId) await requirePark(db, scope.hub.id, filter.parkId);
  const orgs = await memberOrganizations(db, scope);
  if (!seeAll && filter.organizationId && !orgs.includes(filter.organizationId) && parks.length === 0) throw notFound();
  if (!seeAll && filter.parkId && !parks.includes(filter.parkId)) throw notFound();
  const visible = seeAll
    ? undefined
    : sql`(${spaceLeases.parkId} = ANY(${sql.param(parks)}::uuid[]) OR ${spaceLeases.organizationId} = ANY(${sql.param(orgs)}::uuid[]))`;
  const key = readCursor(filter.next, 1);
  const rows = await db
    .select()
    .from(spaceLeases)
    .where(
      and(
        eq(spaceLeases.hubId, scope.hub.id),
        visible,
        filter.organizationId ? eq(spaceLeases.organizationId, filter.organizationId) : undefined,
        filter.parkId ? eq(spaceLeases.parkId, filter.parkId) : undefined,
        filter.status ? eq(spaceLeases.status, filter.status) : undefined,
        key ? after([spaceLeases.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(spaceLeases.id))
    .limit(filter.limit + 1);
  return pageOf(rows, filter.limit, (r) => [r.id]);
}

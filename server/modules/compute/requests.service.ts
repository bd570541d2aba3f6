import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { COMPUTE_LIMITS, gpusAtOnceLimit, priorityRank, type RequestInput, type RequestStatus } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound, type FieldProblem } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import { relatedParties } from '../ecosystem/index.js';
import { admissionRound, lockAdmission, moveSlots } from './admission.service.js';
import type { RefusalCode } from './admission.types.js';
import { authorizeCompany } from './company-access.js';
import { companyComputePolicy } from './compute.policies.js';
import { computeFlavors, computePools, computeQuotas, computeRequests } from './compute.tables.js';
import { hourCeil, hourOf, HOUR_MS } from './hours.js';
import type { Scope } from './pools.service.js';
import { currentQuotasOf, queueOfOrganization } from './quotas.service.js';
import { releaseHold } from './vouchers.service.js';

export type RequestRow = typeof computeRequests.$inferSelect;
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const reference = () => `CR-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/**
 * A company asks for compute: the request is queued and an admission round runs at once
 * in the same transaction, so the answer is admitted (with its start), waiting, or a
 * refusal with its reason (nothing is kept then).
 */
export async function submitComputeRequest(tx: Tx, scope: Scope, input: RequestInput, now = new Date()): Promise<RequestRow> {
  const hubId = scope.hub.id;
  await authorizeCompany(tx, scope, input.organizationId, 'submit');
  const today = localToday(scope.hub.timeZone, now); // quota periods and relations are the hub's days
  const deadline = new Date(input.deadline);
  const earliest = input.earliestStart ? new Date(Math.max(Date.parse(input.earliestStart), now.getTime())) : now;
  if (deadline.getTime() > now.getTime() + COMPUTE_LIMITS.horizonHours * HOUR_MS)
    throw new AppError('VALIDATION_FAILED', [{ path: 'deadline', code: 'TOO_BIG' }]);
  // Every problem the request's own numbers have is named at once, each under its field.
  const tooSoon: FieldProblem[] =
    hourOf(deadline) - hourOf(earliest) < input.hours
      ? [{ path: 'deadline', code: 'DEADLINE_TOO_SOON', detail: `needs at least ${input.hours} hours after the start` }]
      : [];
  const queue = await queueOfOrganization(tx, hubId, input.organizationId);
  if (!queue) throw new AppError('QUOTA_EXCEEDED', [{ path: 'organizationId', code: 'INVALID' }, ...tooSoon]);
  const flavors = await tx
    .select({ flavor: computeFlavors, providerId: computePools.providerId, voucherId: computeQuotas.voucherId })
    .from(computeFlavors)
    .innerJoin(computePools, and(eq(computePools.hubId, computeFlavors.hubId), eq(computePools.id, computeFlavors.poolId)))
    .leftJoin(
      computeQuotas,
      and(eq(computeQuotas.hubId, computeFlavors.hubId), eq(computeQuotas.flavorId, computeFlavors.id), eq(computeQuotas.queueId, queue.id)),
    )
    .where(and(eq(computeFlavors.hubId, hubId), input.flavor === 'any_domestic' ? eq(computeFlavors.domestic, true) : eq(computeFlavors.id, input.flavor)));
  if (flavors.length === 0) throw new AppError('FLAVOR_UNKNOWN', [{ path: 'flavor', code: 'NOT_IN_HUB' }]);
  const quotas = await currentQuotasOf(tx, hubId, queue.id, [...new Set(flavors.map((f) => f.flavor.id))], today);
  if (quotas.length === 0) throw new AppError('QUOTA_EXCEEDED', [{ path: 'flavor', code: 'INVALID' }, ...tooSoon]);
  const limit = Math.max(...quotas.map(gpusAtOnceLimit));
  if (input.gpus > limit)
    throw new AppError('QUOTA_EXCEEDED', [{ path: 'gpus', code: 'GPUS_OVER_QUOTA', detail: `at most ${limit} GPUs at once` }, ...tooSoon]);
  if (tooSoon.length > 0) throw new AppError('DEADLINE_PASSED', tooSoon);
  // Buyer and supplier must not be related parties when a voucher pays (Yangzhou's rule).
  for (const f of flavors.filter((x) => x.voucherId)) {
    if ((await relatedParties(tx, hubId, input.organizationId, f.providerId, today)).length > 0)
      throw new AppError('RELATED_PARTY', [{ path: 'flavor', code: 'INVALID' }]);
  }
  const f0 = flavors[0]!.flavor;
  // The admission lock before the request's row and the audit chain's head, as cancel takes it.
  await lockAdmission(tx, hubId);
  const [row] = await tx
    .insert(computeRequests)
    .values({
      hubId,
      id: uuidv7(),
      reference: reference(),
      queueId: queue.id,
      organizationId: input.organizationId,
      flavorRequested: input.flavor,
      gpus: input.gpus,
      cpus: input.gpus * f0.cpuPerGpu,
      memoryGib: input.gpus * f0.memoryGibPerGpu,
      hours: input.hours,
      priority: input.priority,
      earliestStart: earliest,
      deadline,
      submittedBy: scope.actor.userId!,
      submittedAt: now,
    })
    .returning();
  await recordAudit(tx, {
    hubId,
    actorId: scope.actor.userId,
    action: 'compute.submitted',
    subjectType: 'compute_request',
    subjectId: row!.id,
    payload: { organization: input.organizationId, flavor: input.flavor, gpus: input.gpus, hours: input.hours, priority: priorityRank[input.priority] },
  });
  await admissionRound(tx, scope.hub, scope.actor.userId, now);
  const decided = (await findRequest(tx, hubId, row!.id))!;
  if (decided.status === 'refused') throw new AppError(decided.refusal as RefusalCode, refusalFields(decided.refusal as RefusalCode));
  return decided;
}

/**
 * The field an engine refusal is about. The request's GPUs, its deadline and whether the
 * company holds quota were checked before the round, so a quota refusal here is GPU-hours:
 * GPUs x hours more than the quota has left.
 */
function refusalFields(code: RefusalCode): FieldProblem[] {
  if (code === 'QUOTA_EXCEEDED') return [{ path: 'hours', code: 'GPU_HOURS_OVER_QUOTA' }];
  if (code === 'DEADLINE_PASSED') return [{ path: 'deadline', code: 'DEADLINE_TOO_SOON' }];
  return [];
}

export async function findRequest(db: Db | Tx, hubId: string, id: string, lock = false): Promise<RequestRow | undefined> {
  const q = db
    .select()
    .from(computeRequests)
    .where(and(eq(computeRequests.hubId, hubId), eq(computeRequests.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function getComputeRequest(db: Db | Tx, scope: Scope, id: string, action = 'read', lock = false): Promise<RequestRow> {
  const row = await findRequest(db, scope.hub.id, id, lock);
  if (!row) throw notFound();
  await authorizeCompany(db, scope, row.organizationId, action);
  return row;
}

/**
 * Cancels a pending or admitted request: hours not yet begun go back to the pool, and its
 * voucher hold is released. It waits for a round of the hub in progress (the admission
 * lock, taken before the request's row as a round takes them), so it cancels what the
 * round decided, never a request the round is about to admit, preempt or requeue.
 */
export async function cancelComputeRequest(tx: Tx, scope: Scope, id: string, now = new Date()): Promise<RequestRow> {
  await lockAdmission(tx, scope.hub.id);
  const row = await getComputeRequest(tx, scope, id, 'cancel', true);
  if (row.status !== 'pending' && !(row.status === 'admitted' && row.endAt! > now)) throw new AppError('CONFLICT');
  if (row.status === 'admitted') await moveSlots(tx, scope.hub.id, row.flavorId!, -row.gpus, Math.max(hourCeil(now), hourOf(row.startAt!)), hourOf(row.endAt!));
  const endAt = row.status === 'admitted' ? new Date(Math.min(row.endAt!.getTime(), Math.max(hourCeil(now), hourOf(row.startAt!)) * HOUR_MS)) : null;
  const [updated] = await tx
    .update(computeRequests)
    .set({ status: 'cancelled', endAt, decidedAt: row.decidedAt ?? now })
    .where(and(eq(computeRequests.hubId, scope.hub.id), eq(computeRequests.id, id)))
    .returning();
  await releaseHold(tx, row, 'cancelled');
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'compute.cancelled',
    subjectType: 'compute_request',
    subjectId: id,
    payload: {},
  });
  return { ...updated!, voucherHeld: 0n };
}

/** The status people see: admitted work is running between its start and end, then finished. */
export function statusOf(row: RequestRow, now = new Date()): RequestStatus {
  if (row.status !== 'admitted') return row.status as RequestStatus;
  if (row.endAt! <= now) return 'finished';
  return row.startAt! <= now ? 'running' : 'admitted';
}

/** The queue: a company's requests (its members), or the hub's (operator, admins, auditors); newest first. */
export async function listComputeQueue(
  db: Db | Tx,
  scope: Scope,
  query: { organizationId?: string; status?: RequestStatus; limit: number; next?: string },
): Promise<RequestRow[]> {
  if (query.organizationId) await authorizeCompany(db, scope, query.organizationId, 'read');
  else companyComputePolicy.authorize(scope.actor, 'read', { reads: false, acts: false });
  const key = readCursor(query.next, 1);
  const stored = query.status === 'running' || query.status === 'finished' ? 'admitted' : query.status;
  return db
    .select()
    .from(computeRequests)
    .where(
      and(
        eq(computeRequests.hubId, scope.hub.id),
        query.organizationId ? eq(computeRequests.organizationId, query.organizationId) : undefined,
        stored ? inArray(computeRequests.status, [stored]) : undefined,
        query.status === 'running' ? sql`${computeRequests.startAt} <= now() AND ${computeRequests.endAt} > now()` : undefined,
        query.status === 'finished' ? sql`${computeRequests.endAt} <= now()` : undefined,
        query.status === 'admitted' ? sql`${computeRequests.startAt} > now()` : undefined,
        key ? after([computeRequests.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(computeRequests.id))
    .limit(query.limit + 1);
}

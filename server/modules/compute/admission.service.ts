import { and, eq, inArray, sql } from 'drizzle-orm';
import { COMPUTE_LIMITS } from '../../../contracts/compute.js';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { admit, type Decision, type Workload } from './admission.js';
import { computeRequests } from './compute.tables.js';
import { dateOfHour, hourOf } from './hours.js';
import { ensureSlots } from './pools.service.js';
import { loadSnapshot } from './snapshot.service.js';
import { holdVoucher, releaseHold } from './vouchers.service.js';

export type AdmissionHub = Pick<HubRow, 'id' | 'timeZone'>;

/**
 * The hub's compute admission lock (transaction-level, reentrant): a round holds it from
 * its snapshot to its last decision, and whatever changes a request the round may decide
 * on (submit, cancel) takes it first, before any row lock or the audit chain's head, so
 * every writer takes them in the same order and a decision never lands on a request
 * changed after the round read it.
 */
export async function lockAdmission(tx: Tx, hubId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`compute-admission:${hubId}`}, 0))`);
}

/**
 * One admission round for a hub: the hub's compute admission is serialised by a
 * transaction-level advisory lock (quotas and cohorts are decided on one snapshot), the
 * hours it plans get their capacity rows if they have none yet, the engine decides, and
 * its decisions are applied here, in the caller's transaction. The capacity counters'
 * CHECK is the second guard: an over-allocation would fail the round.
 */
export async function admissionRound(tx: Tx, hub: AdmissionHub, actorId: string | null, now = new Date()): Promise<Decision[]> {
  await lockAdmission(tx, hub.id);
  await ensureSlots(tx, hub.id, hourOf(now), hourOf(now) + COMPUTE_LIMITS.horizonHours);
  const snapshot = await loadSnapshot(tx, hub, now);
  if (snapshot.pending.length === 0) return [];
  const decisions = admit(snapshot);
  const seen = new Map(snapshot.workloads.map((w) => [w.id, w]));
  for (const d of decisions) await applyDecision(tx, hub, actorId, d, seen, now);
  return decisions;
}

/** Takes (sign 1) or gives back (-1) `gpus` on every hour of [from, to), in one UPDATE. */
export async function moveSlots(tx: Tx, hubId: string, flavorId: string, gpus: number, fromHour: number, toHour: number): Promise<void> {
  if (toHour <= fromHour || gpus === 0) return;
  try {
    const result = await tx.execute(sql`
      UPDATE compute_slots SET reserved = reserved + ${gpus}
      WHERE hub_id = ${hubId} AND flavor_id = ${flavorId} AND hour >= ${dateOfHour(fromHour).toISOString()}::timestamptz AND hour < ${dateOfHour(toHour).toISOString()}::timestamptz`);
    if (gpus > 0 && result.rowCount !== toHour - fromHour) throw new AppError('NO_CAPACITY');
  } catch (error) {
    if (sqlState(error) === '23514' && constraintName(error) === 'compute_slots_reserved_check') throw new AppError('NO_CAPACITY');
    throw error;
  }
}

/**
 * Applies one decision, only to the request as the engine saw it: a pending request for
 * a refusal or an admission, admitted work with the same hours for a preemption or a
 * requeue. Each UPDATE says so in its WHERE; when it changes no row (the request moved on
 * meanwhile), the decision is dropped: no hours move and nothing is audited.
 */
async function applyDecision(tx: Tx, hub: AdmissionHub, actorId: string | null, d: Decision, seen: Map<string, Workload>, now: Date) {
  const hubId = hub.id;
  const pending = (id: string) => and(eq(computeRequests.hubId, hubId), eq(computeRequests.id, id), eq(computeRequests.status, 'pending'));
  const asSeen = (w: Workload) =>
    and(
      eq(computeRequests.hubId, hubId),
      eq(computeRequests.id, w.id),
      inArray(computeRequests.status, ['admitted', 'preempted']),
      eq(computeRequests.startAt, dateOfHour(w.start)),
      eq(computeRequests.endAt, dateOfHour(w.end)),
    );
  const audit = (action: string, id: string, payload: Record<string, unknown>) =>
    recordAudit(tx, { hubId, actorId, action, subjectType: 'compute_request', subjectId: id, payload });
  switch (d.kind) {
    case 'wait':
      return;
    case 'refuse': {
      const refused = await tx
        .update(computeRequests)
        .set({ status: 'refused', refusal: d.code, decidedAt: now })
        .where(pending(d.requestId))
        .returning({ id: computeRequests.id });
      if (refused.length === 0) return;
      return audit('compute.refused', d.requestId, { code: d.code });
    }
    case 'admit': {
      const [row] = await tx
        .update(computeRequests)
        .set({ status: 'admitted', flavorId: d.flavorId, startAt: dateOfHour(d.start), endAt: dateOfHour(d.end), borrowed: d.borrowed, decidedAt: now })
        .where(pending(d.requestId))
        .returning();
      if (!row) return;
      await moveSlots(tx, hubId, d.flavorId, d.gpus, d.start, d.end);
      await holdVoucher(tx, row, hub.timeZone);
      return audit('compute.admitted', d.requestId, {
        flavor: d.flavorId,
        gpus: d.gpus,
        start: dateOfHour(d.start).toISOString(),
        end: dateOfHour(d.end).toISOString(),
        borrowed: d.borrowed,
      });
    }
    case 'preempt': {
      const w = seen.get(d.workloadId);
      if (!w) return;
      const [cut] = await tx
        .update(computeRequests)
        .set({ status: 'preempted', endAt: dateOfHour(d.end) })
        .where(asSeen(w))
        .returning();
      if (!cut) return;
      seen.set(w.id, { ...w, end: d.end }); // a later decision of this round may cut it again, or withdraw it
      await moveSlots(tx, hubId, w.flavorId, -w.gpus, d.end, w.end);
      await releaseHold(tx, cut, 'preempted');
      return audit('compute.preempted', d.workloadId, { end: dateOfHour(d.end).toISOString() });
    }
    case 'requeue': {
      const w = seen.get(d.workloadId);
      if (!w) return;
      const [back] = await tx
        .update(computeRequests)
        .set({ status: 'pending', flavorId: null, startAt: null, endAt: null, borrowed: false, decidedAt: null })
        .where(asSeen(w))
        .returning();
      if (!back) return;
      seen.delete(w.id);
      await moveSlots(tx, hubId, w.flavorId, -w.gpus, w.start, w.end);
      await releaseHold(tx, back, 'requeued');
      return audit('compute.requeued', d.workloadId, {});
    }
  }
}

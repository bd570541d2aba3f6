import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { admit, type Decision } from './admission.js';
import { computeRequests } from './compute.tables.js';
import { dateOfHour } from './hours.js';
import { loadSnapshot } from './snapshot.service.js';
import { holdVoucher, releaseHold } from './vouchers.service.js';

/**
 * One admission round for a hub: the hub's compute admission is serialised by a
 * transaction-level advisory lock (quotas and cohorts are decided on one snapshot), the
 * engine decides, and its decisions are applied here, in the caller's transaction. The
 * capacity counters' CHECK is the second guard: an over-allocation would fail the round.
 */
export async function admissionRound(tx: Tx, hubId: string, actorId: string | null, now = new Date()): Promise<Decision[]> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`compute-admission:${hubId}`}, 0))`);
  const snapshot = await loadSnapshot(tx, hubId, now);
  if (snapshot.pending.length === 0) return [];
  const decisions = admit(snapshot);
  for (const d of decisions) await applyDecision(tx, hubId, actorId, d, now);
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

async function applyDecision(tx: Tx, hubId: string, actorId: string | null, d: Decision, now: Date) {
  const where = (id: string) => and(eq(computeRequests.hubId, hubId), eq(computeRequests.id, id));
  const audit = (action: string, id: string, payload: Record<string, unknown>) =>
    recordAudit(tx, { hubId, actorId, action, subjectType: 'compute_request', subjectId: id, payload });
  switch (d.kind) {
    case 'wait':
      return;
    case 'refuse':
      await tx.update(computeRequests).set({ status: 'refused', refusal: d.code, decidedAt: now }).where(where(d.requestId));
      return audit('compute.refused', d.requestId, { code: d.code });
    case 'admit': {
      await moveSlots(tx, hubId, d.flavorId, d.gpus, d.start, d.end);
      const [row] = await tx
        .update(computeRequests)
        .set({ status: 'admitted', flavorId: d.flavorId, startAt: dateOfHour(d.start), endAt: dateOfHour(d.end), borrowed: d.borrowed, decidedAt: now })
        .where(where(d.requestId))
        .returning();
      await holdVoucher(tx, row!);
      return audit('compute.admitted', d.requestId, {
        flavor: d.flavorId,
        gpus: d.gpus,
        start: dateOfHour(d.start).toISOString(),
        end: dateOfHour(d.end).toISOString(),
        borrowed: d.borrowed,
      });
    }
    case 'preempt': {
      const [row] = await tx.select().from(computeRequests).where(where(d.workloadId)).for('update');
      await moveSlots(tx, hubId, row!.flavorId!, -row!.gpus, d.end, Math.round(row!.endAt!.getTime() / 3_600_000));
      const [cut] = await tx
        .update(computeRequests)
        .set({ status: 'preempted', endAt: dateOfHour(d.end) })
        .where(where(d.workloadId))
        .returning();
      await releaseHold(tx, cut!, 'preempted');
      return audit('compute.preempted', d.workloadId, { end: dateOfHour(d.end).toISOString() });
    }
    case 'requeue': {
      const [row] = await tx.select().from(computeRequests).where(where(d.workloadId)).for('update');
      await moveSlots(tx, hubId, row!.flavorId!, -row!.gpus, Math.round(row!.startAt!.getTime() / 3_600_000), Math.round(row!.endAt!.getTime() / 3_600_000));
      const [back] = await tx
        .update(computeRequests)
        .set({ status: 'pending', flavorId: null, startAt: null, endAt: null, borrowed: false, decidedAt: null })
        .where(where(d.workloadId))
        .returning();
      await releaseHold(tx, back!, 'requeued');
      return audit('compute.requeued', d.workloadId, {});
    }
  }
}

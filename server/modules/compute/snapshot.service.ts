import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { COMPUTE_LIMITS, priorityRank, type Priority } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import type { Queue, Request, Snapshot, Workload } from './admission.js';
import { computeQueues, computeQuotas, computeRequests, computeUsage } from './compute.tables.js';
import { decayFactor } from './fair-share.js';
import { hourOf, HOUR_MS } from './hours.js';
import { capacityOf, flavorsOf } from './pools.service.js';

/** Fair-share history halves every week (Kueue's default of 0 would switch history off). */
export const HALF_LIFE_HOURS = 24 * 7;
export const ENGINE_SETTINGS = { lookaheadSlots: 24, noticeSlots: 1, guardSlots: 6 } as const;

/**
 * What the admission engine needs, read in a few set-based queries: flavors and their
 * capacity per hour, queues with this period's quotas and GPU-hours left, decayed usage,
 * admitted work still running or to come, and pending requests.
 *
 * Quota periods are the hub's days: the quota of today where the hub is, its GPU-hours
 * used by work that started from its first day's midnight there to its last. Work used
 * is what was admitted, preempted or cancelled after it began (its hours up to the cut);
 * a cancelled request still holds the hour it was cancelled in, so it is live work too.
 */
export async function loadSnapshot(db: Db | Tx, hub: Pick<HubRow, 'id' | 'timeZone'>, now: Date): Promise<Snapshot> {
  const hubId = hub.id;
  const tz = hub.timeZone;
  const nowHour = hourOf(now);
  const horizon = COMPUTE_LIMITS.horizonHours;
  const flavors = await flavorsOf(db, hubId);
  const flavorOf = new Map(flavors.map((f) => [f.flavor.id, f.flavor]));
  const capacity = await capacityOf(db, hubId, nowHour, nowHour + horizon);
  const today = localToday(tz, now);
  const quotaRows = await db
    .select({ queue: computeQueues, quota: computeQuotas })
    .from(computeQueues)
    .leftJoin(
      computeQuotas,
      and(
        eq(computeQuotas.hubId, computeQueues.hubId),
        eq(computeQuotas.queueId, computeQueues.id),
        sql`${computeQuotas.periodStart} <= ${today}::date AND ${computeQuotas.periodEnd} > ${today}::date`,
      ),
    )
    .where(eq(computeQueues.hubId, hubId));
  const used = await db.execute<{ quota_id: string; hours: string }>(sql`
    SELECT q.id AS quota_id, coalesce(sum(r.gpus * extract(epoch FROM (r.end_at - r.start_at)) / 3600), 0) AS hours
    FROM compute_quotas q JOIN compute_requests r ON r.hub_id = q.hub_id AND r.queue_id = q.queue_id AND r.flavor_id = q.flavor_id
      AND r.status IN ('admitted','preempted','cancelled') AND r.start_at IS NOT NULL
      AND r.start_at >= (q.period_start::timestamp AT TIME ZONE ${tz}) AND r.start_at < (q.period_end::timestamp AT TIME ZONE ${tz})
    WHERE q.hub_id = ${hubId} AND q.period_start <= ${today}::date AND q.period_end > ${today}::date
    GROUP BY q.id`);
  const usedOf = new Map(used.rows.map((r) => [r.quota_id, Number(r.hours)]));
  const history = await db
    .select({ organizationId: computeUsage.organizationId, flavorId: computeUsage.flavorId, gpuHours: computeUsage.gpuHours, endedAt: computeUsage.endedAt })
    .from(computeUsage)
    .where(
      and(
        eq(computeUsage.hubId, hubId),
        eq(computeUsage.outcome, 'applied'),
        gt(computeUsage.endedAt, new Date(now.getTime() - 8 * HALF_LIFE_HOURS * HOUR_MS)),
      ),
    );
  const queues = new Map<string, Queue>();
  const queueOfOrg = new Map<string, string>();
  for (const { queue, quota } of quotaRows) {
    let q = queues.get(queue.id);
    if (!q) {
      queues.set(queue.id, (q = { id: queue.id, cohortId: queue.cohort, weight: queue.weight, quotas: {}, history: { gpu: 0, cpu: 0, memory: 0 } }));
      queueOfOrg.set(queue.organizationId, queue.id);
    }
    if (quota)
      q.quotas[quota.flavorId] = {
        nominal: quota.nominal,
        borrowingLimit: quota.borrowingLimit,
        lendingLimit: quota.lendingLimit,
        gpuHoursLeft: quota.gpuHours - (usedOf.get(quota.id) ?? 0),
      };
  }
  for (const h of history) {
    const q = queues.get(queueOfOrg.get(h.organizationId) ?? '');
    const f = flavorOf.get(h.flavorId);
    if (!q || !f) continue;
    const k = Number(h.gpuHours) * decayFactor(now.getTime() / HOUR_MS - h.endedAt.getTime() / HOUR_MS, HALF_LIFE_HOURS);
    q.history = { gpu: q.history.gpu + k, cpu: q.history.cpu + k * f.cpuPerGpu, memory: q.history.memory + k * f.memoryGibPerGpu };
  }
  const live = await db
    .select()
    .from(computeRequests)
    .where(
      and(
        eq(computeRequests.hubId, hubId),
        inArray(computeRequests.status, ['admitted', 'preempted', 'cancelled', 'pending']),
        sql`(${computeRequests.status} = 'pending' OR (${computeRequests.endAt} > ${now.toISOString()}::timestamptz AND ${computeRequests.startAt} < ${computeRequests.endAt}))`,
      ),
    );
  const workloads: Workload[] = [];
  const pending: Request[] = [];
  for (const r of live) {
    const priority = priorityRank[r.priority as Priority];
    if (r.status === 'pending') {
      pending.push({
        id: r.id,
        queueId: r.queueId,
        flavor: r.flavorRequested,
        gpus: r.gpus,
        cpus: r.cpus,
        memory: r.memoryGib,
        hours: r.hours,
        earliest: hourOf(r.earliestStart),
        deadline: hourOf(r.deadline),
        priority,
        submitted: hourOf(r.submittedAt),
      });
    } else {
      workloads.push({
        id: r.id,
        queueId: r.queueId,
        flavorId: r.flavorId!,
        gpus: r.gpus,
        cpus: r.cpus,
        memory: r.memoryGib,
        start: hourOf(r.startAt!),
        end: hourOf(r.endAt!),
        // A cancelled request's last hour is no one's to take back (it ends within the notice).
        borrowed: r.borrowed && r.status !== 'cancelled',
        priority,
      });
    }
  }
  return {
    now: nowHour,
    horizon,
    ...ENGINE_SETTINGS,
    flavors: flavors.map(({ flavor: f }) => ({ id: f.id, domestic: f.domestic, cpuPerGpu: f.cpuPerGpu, memoryPerGpu: f.memoryGibPerGpu })),
    capacity,
    queues: [...queues.values()],
    workloads,
    pending,
  };
}

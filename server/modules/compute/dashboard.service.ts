import { sql } from 'drizzle-orm';
import type { ComputeDashboard } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { applicantNames } from '../ecosystem/index.js';
import { capacityHours } from './capacity-hours.js';
import { authorizeCompany } from './company-access.js';
import { companyComputePolicy } from './compute.policies.js';
import type { Scope } from './pools.service.js';

const unnamed = { zh: '—', en: '—' };

/**
 * What the company's and the operator's pages chart: quotas with their use (as admission
 * counts it: work begun in the period's hub days, a cancelled job's hours up to its cut)
 * and voucher balance, utilisation per flavor per day (the hub's days, 30 back to 14
 * ahead; capacity read as `capacityHours` reads it, so an idle pool's hours without rows
 * show its GPUs in service), waits from submission to start, and each voucher's
 * burn-down. One company's (its members) or the hub's (staff).
 */
export async function getComputeDashboard(db: Db | Tx, scope: Scope, query: { organizationId?: string }, now = new Date()): Promise<ComputeDashboard> {
  const hubId = scope.hub.id;
  const org = query.organizationId ?? null;
  if (org !== null) await authorizeCompany(db, scope, org, 'read');
  else companyComputePolicy.authorize(scope.actor, 'read', { reads: false, acts: false });
  const tz = scope.hub.timeZone;
  const ofOrg = (column: string) => (org ? sql`AND ${sql.raw(column)} = ${org}` : sql``);

  const quotas = await db.execute<{
    id: string;
    organization_id: string;
    flavor_id: string;
    model: string;
    period_start: string;
    period_end: string;
    gpu_hours: number;
    used: string;
    nominal: number;
    borrowing_limit: number | null;
    lending_limit: number | null;
    cohort: string;
    weight: number;
    award_id: string | null;
    granted: string | null;
    held: string | null;
    paid: string | null;
  }>(sql`
    SELECT q.id, qu.organization_id, q.flavor_id, f.model, q.period_start::text, q.period_end::text, q.gpu_hours, q.nominal,
      q.borrowing_limit, q.lending_limit, qu.cohort, qu.weight, v.award_id, v.granted::text, v.held::text, v.paid::text,
      (SELECT coalesce(sum(r.gpus * extract(epoch FROM (r.end_at - r.start_at)) / 3600), 0)::text FROM compute_requests r
        WHERE r.hub_id = q.hub_id AND r.queue_id = q.queue_id AND r.flavor_id = q.flavor_id
          AND r.status IN ('admitted', 'preempted', 'cancelled') AND r.start_at IS NOT NULL
          AND r.start_at >= (q.period_start::timestamp AT TIME ZONE ${tz}) AND r.start_at < (q.period_end::timestamp AT TIME ZONE ${tz})) AS used
    FROM compute_quotas q
    JOIN compute_queues qu ON qu.hub_id = q.hub_id AND qu.id = q.queue_id
    JOIN compute_flavors f ON f.hub_id = q.hub_id AND f.id = q.flavor_id
    LEFT JOIN compute_vouchers v ON v.hub_id = q.hub_id AND v.id = q.voucher_id
    WHERE q.hub_id = ${hubId} ${ofOrg('qu.organization_id')}
    ORDER BY q.period_start DESC, f.model`);

  const at = sql`${now.toISOString()}::timestamptz`;
  const utilisation = await db.execute<{ flavor_id: string; model: string; day: string; reserved: number; capacity: number }>(sql`
    SELECT c.flavor_id, f.model, (c.hour AT TIME ZONE ${tz})::date::text AS day, sum(c.reserved)::int AS reserved, sum(c.capacity)::int AS capacity
    FROM ${capacityHours(hubId, sql`${at} - interval '30 days'`, sql`${at} + interval '14 days'`)} c
    JOIN compute_flavors f ON f.hub_id = ${hubId} AND f.id = c.flavor_id
    GROUP BY c.flavor_id, f.model, day ORDER BY day, f.model`);

  const waits = await db.execute<{ day: string; requests: number; average: number; longest: number }>(sql`
    SELECT (submitted_at AT TIME ZONE ${tz})::date::text AS day, count(*)::int AS requests,
      avg(greatest(0, extract(epoch FROM (start_at - submitted_at)) / 3600))::float8 AS average,
      max(greatest(0, extract(epoch FROM (start_at - submitted_at)) / 3600))::float8 AS longest
    FROM compute_requests
    WHERE hub_id = ${hubId} AND start_at IS NOT NULL AND submitted_at >= ${at} - interval '30 days' ${ofOrg('organization_id')}
    GROUP BY day ORDER BY day`);

  const vouchers = await db.execute<{ award_id: string; organization_id: string; granted: string; held: string; day: string | null; paid: string | null }>(sql`
    SELECT v.award_id, v.organization_id, v.granted::text, v.held::text, d.day, d.paid::text
    FROM compute_vouchers v
    LEFT JOIN LATERAL (
      SELECT (u.ended_at AT TIME ZONE ${tz})::date::text AS day, sum(u.voucher_paid) AS paid
      FROM compute_usage u JOIN compute_requests r ON r.hub_id = u.hub_id AND r.id = u.request_id
      WHERE u.hub_id = v.hub_id AND r.voucher_id = v.id AND u.outcome = 'applied'
      GROUP BY day
    ) d ON true
    WHERE v.hub_id = ${hubId} ${ofOrg('v.organization_id')}
    ORDER BY v.award_id, d.day`);

  const names = await applicantNames(db, hubId, 'organization', [
    ...new Set([...quotas.rows.map((q) => q.organization_id), ...vouchers.rows.map((v) => v.organization_id)]),
  ]);
  const burnDown = new Map<string, ComputeDashboard['burnDown'][number] & { total: bigint }>();
  for (const v of vouchers.rows) {
    let entry = burnDown.get(v.award_id);
    if (!entry) {
      entry = {
        awardId: v.award_id,
        organization: { id: v.organization_id, name: names.get(v.organization_id) ?? unnamed },
        granted: v.granted,
        held: v.held,
        points: [],
        total: 0n,
      };
      burnDown.set(v.award_id, entry);
    }
    if (v.day === null || v.paid === null) continue;
    entry.total += BigInt(v.paid);
    entry.points.push({ day: v.day, paid: v.paid, remaining: (BigInt(v.granted) - entry.total).toString() });
  }

  return {
    quotas: quotas.rows.map((q) => ({
      id: q.id,
      organization: { id: q.organization_id, name: names.get(q.organization_id) ?? unnamed },
      flavorId: q.flavor_id,
      flavorModel: q.model,
      periodStart: q.period_start,
      periodEnd: q.period_end,
      gpuHours: q.gpu_hours,
      gpuHoursUsed: Math.round(Number(q.used) * 1000) / 1000,
      concurrentGpus: q.nominal,
      borrowingLimit: q.borrowing_limit,
      lendingLimit: q.lending_limit,
      cohort: q.cohort,
      weight: Number(q.weight),
      voucher: q.award_id ? { awardId: q.award_id, granted: q.granted!, held: q.held!, paid: q.paid! } : null,
    })),
    utilisation: utilisation.rows.map((u) => ({
      flavorId: u.flavor_id,
      model: u.model,
      day: u.day,
      reservedGpuHours: u.reserved,
      capacityGpuHours: u.capacity,
    })),
    waits: waits.rows.map((w) => ({
      day: w.day,
      requests: w.requests,
      averageHours: Math.round(w.average * 10) / 10,
      longestHours: Math.round(w.longest * 10) / 10,
    })),
    burnDown: [...burnDown.values()].map(({ total: _total, ...rest }) => rest),
  };
}

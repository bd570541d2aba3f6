import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

export type ComputeMonth = { month: string; usedGpuHours: number; quotaGpuHours: number };

/**
 * Per month [from, to) (first days of months, the hub's time zone): GPU hours the
 * providers metered (applied records, a corrected record replaced by its correction,
 * spread over the hours each ran) and GPU hours of the queues' quotas (each spread evenly
 * over its period's days). One query, from dated records only.
 */
export async function computeUsageTrend(db: Db | Tx, hubId: string, timeZone: string, from: string, to: string): Promise<ComputeMonth[]> {
  const { rows } = await db.execute<{ month: string; used: number; quota: number }>(sql`
    WITH months AS (
      SELECT m::date AS m, (m + interval '1 month')::date AS e,
        (m AT TIME ZONE ${timeZone}) AS ms, ((m + interval '1 month') AT TIME ZONE ${timeZone}) AS me
      FROM generate_series(${from}::date::timestamp, ${to}::date::timestamp - interval '1 day', interval '1 month') m
    ), used AS (
      SELECT mo.m, sum(u.gpu_hours * extract(epoch FROM least(u.ended_at, mo.me) - greatest(u.started_at, mo.ms)) / extract(epoch FROM u.ended_at - u.started_at)) AS hours
      FROM months mo JOIN compute_usage u ON u.hub_id = ${hubId} AND u.outcome = 'applied' AND u.started_at < mo.me AND u.ended_at > mo.ms
      WHERE NOT EXISTS (SELECT 1 FROM compute_usage c WHERE c.hub_id = u.hub_id AND c.corrects_id = u.id AND c.outcome = 'applied')
      GROUP BY mo.m
    ), quota AS (
      SELECT mo.m, sum(q.gpu_hours::numeric * (least(q.period_end, mo.e) - greatest(q.period_start, mo.m)) / (q.period_end - q.period_start)) AS hours
      FROM months mo JOIN compute_quotas q ON q.hub_id = ${hubId} AND q.period_start < mo.e AND q.period_end > mo.m
      GROUP BY mo.m
    )
    SELECT to_char(mo.m, 'YYYY-MM') AS month, coalesce(round(u.hours, 1), 0)::float8 AS used, coalesce(round(q.hours, 1), 0)::float8 AS quota
    FROM months mo LEFT JOIN used u ON u.m = mo.m LEFT JOIN quota q ON q.m = mo.m ORDER BY mo.m`);
  return rows.map((r) => ({ month: r.month, usedGpuHours: r.used, quotaGpuHours: r.quota }));
}

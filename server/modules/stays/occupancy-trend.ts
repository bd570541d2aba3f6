import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

export type StayMonth = { month: string; nightsBooked: number; nightsAvailable: number };

/**
 * Per month [from, to) (first days of months, the hub's calendar): bed-nights the youth
 * stations offered (each bed on each night its station was open and not blacked out) and
 * bed-nights booked (offered, confirmed, checked in or out). One query, dated records only.
 */
export async function stayOccupancyTrend(db: Db | Tx, hubId: string, from: string, to: string): Promise<StayMonth[]> {
  const { rows } = await db.execute<{ month: string; booked: number; available: number }>(sql`
    WITH months AS (
      SELECT m::date AS m, (m + interval '1 month')::date AS e FROM generate_series(${from}::date, ${to}::date - 1, interval '1 month') m
    ), stations AS (
      SELECT s.id, s.opens_on, s.closes_on, (SELECT count(*) FROM stay_beds b WHERE b.hub_id = s.hub_id AND b.station_id = s.id) AS beds
      FROM stay_stations s WHERE s.hub_id = ${hubId} AND s.opens_on < ${to}::date AND (s.closes_on IS NULL OR s.closes_on > ${from}::date)
    ), available AS (
      SELECT date_trunc('month', d)::date AS m, sum(s.beds) AS nights
      FROM stations s CROSS JOIN LATERAL generate_series(greatest(s.opens_on, ${from}::date), least(coalesce(s.closes_on, ${to}::date), ${to}::date) - 1, interval '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM stay_blackouts x WHERE x.hub_id = ${hubId} AND x.station_id = s.id AND d >= x.starts_on AND d < x.ends_on)
      GROUP BY 1
    ), booked AS (
      SELECT mo.m, sum(least(k.check_out, mo.e) - greatest(k.check_in, mo.m)) AS nights
      FROM months mo JOIN stay_bookings k ON k.hub_id = ${hubId} AND k.check_in < mo.e AND k.check_out > mo.m
        AND k.status IN ('offered','confirmed','checked_in','checked_out')
      GROUP BY mo.m
    )
    SELECT to_char(mo.m, 'YYYY-MM') AS month, coalesce(b.nights, 0)::int AS booked, coalesce(a.nights, 0)::int AS available
    FROM months mo LEFT JOIN available a ON a.m = mo.m LEFT JOIN booked b ON b.m = mo.m ORDER BY mo.m`);
  return rows.map((r) => ({ month: r.month, nightsBooked: r.booked, nightsAvailable: r.available }));
}

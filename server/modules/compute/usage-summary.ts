import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

/** GPU hours the hub's pools offered and had reserved over the days [from, to) of its time zone (the hub dashboard). */
export async function computeUsageSummary(
  db: Db | Tx,
  hubId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<{ capacityGpuHours: number; reservedGpuHours: number }> {
  const { rows } = await db.execute<{ capacity: number; reserved: number }>(sql`
    SELECT coalesce(sum(capacity), 0)::int AS capacity, coalesce(sum(reserved), 0)::int AS reserved FROM compute_slots
    WHERE hub_id = ${hubId} AND hour >= (${from}::date::timestamp AT TIME ZONE ${timeZone}) AND hour < (${to}::date::timestamp AT TIME ZONE ${timeZone})`);
  const row = rows[0]!;
  return { capacityGpuHours: row.capacity, reservedGpuHours: row.reserved };
}

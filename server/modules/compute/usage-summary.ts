import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { capacityHours } from './capacity-hours.js';

/**
 * GPU hours the hub's pools offered and had reserved over the days [from, to) of its time
 * zone (the hub dashboard), read as `capacityHours` reads them: an hour without its row is
 * the flavor's GPUs in service, none reserved.
 */
export async function computeUsageSummary(
  db: Db | Tx,
  hubId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<{ capacityGpuHours: number; reservedGpuHours: number }> {
  const dayStart = (day: string) => sql`${day}::date::timestamp AT TIME ZONE ${timeZone}`;
  const { rows } = await db.execute<{ capacity: number; reserved: number }>(sql`
    SELECT coalesce(sum(c.capacity), 0)::int AS capacity, coalesce(sum(c.reserved), 0)::int AS reserved
    FROM ${capacityHours(hubId, dayStart(from), dayStart(to))} c`);
  const row = rows[0]!;
  return { capacityGpuHours: row.capacity, reservedGpuHours: row.reserved };
}

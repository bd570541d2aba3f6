import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { nightsBetween } from './stay-dates.js';

/** The hub's youth stations over the nights [from, to): beds, bed-nights there were, and nights slept (the hub dashboard). */
export async function stayOccupancySummary(
  db: Db | Tx,
  hubId: string,
  from: string,
  to: string,
): Promise<{ beds: number; bedNights: number; occupiedNights: number }> {
  const { rows } = await db.execute<{ beds: number; occupied: number }>(sql`
    SELECT (SELECT count(*)::int FROM stay_beds WHERE hub_id = ${hubId}) AS beds,
      (SELECT coalesce(sum(least(check_out, ${to}::date) - greatest(check_in, ${from}::date)), 0)::int FROM stay_bookings
        WHERE hub_id = ${hubId} AND status IN ('offered','confirmed','checked_in','checked_out')
          AND check_in < ${to}::date AND check_out > ${from}::date) AS occupied`);
  const row = rows[0]!;
  return { beds: row.beds, bedNights: row.beds * nightsBetween(from, to), occupiedNights: row.occupied };
}

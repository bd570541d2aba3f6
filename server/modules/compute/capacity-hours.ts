import { sql, type SQL } from 'drizzle-orm';
import { HOUR_MS } from './hours.js';

/**
 * The one way capacity is read (fair share, the admission snapshot, the dashboards): a
 * subquery of every flavor of the hub and every whole UTC hour in [from, to), with columns
 * `flavor_id`, `hour`, `capacity`, `reserved`. An hour without its `compute_slots` row
 * reads as the flavor's GPUs in service with none reserved: exactly the row `ensureSlots`
 * would write (rows that differ from it, reserved hours and maintenance windows, always
 * exist: pool creation writes its windows in full). So a read of an idle pool, long after
 * its last round, sees its real capacity and writes nothing. `from` and `to` are
 * timestamptz expressions and need not fall on the hour.
 */
export function capacityHours(hubId: string, from: SQL, to: SQL): SQL {
  return sql`(
    SELECT f.id AS flavor_id, h.hour, coalesce(s.capacity, f.gpus) AS capacity, coalesce(s.reserved, 0) AS reserved
    FROM compute_flavors f
    CROSS JOIN generate_series(date_trunc('hour', (${from}), 'UTC'), (${to}), interval '1 hour') AS h (hour)
    LEFT JOIN compute_slots s ON s.hub_id = f.hub_id AND s.flavor_id = f.id AND s.hour = h.hour
    WHERE f.hub_id = ${hubId} AND h.hour >= (${from}) AND h.hour < (${to})
  )`;
}

/** The start of hour `hour` (hours since the epoch) as a timestamptz, for `capacityHours`. */
export const hourStart = (hour: number): SQL => sql`${new Date(hour * HOUR_MS).toISOString()}::timestamptz`;

import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';

/**
 * A record's stays (bookings of every status, so the nights a station allows a person are
 * counted on the record they go on with) and waiting-list entries move to another record
 * (`registerPersonMove`, when staff link an account to the record they hold). Both people
 * rows are locked FOR UPDATE by the caller, and dg_stay_take holds its guest's row (KEY
 * SHARE, migrations/0049): a booking of the old record either committed before and moves
 * here, or is refused after. Two active stays on the same nights cannot be one person's
 * (the exclusion constraint of migration 0015): staff cancel one first (409 on `decision`).
 */
export async function moveStays(tx: Tx, hubId: string, fromId: string, toId: string): Promise<number> {
  const { rows: clash } = await tx.execute(sql`
    SELECT 1 FROM stay_bookings a JOIN stay_bookings b ON b.hub_id = a.hub_id AND b.person_id = ${toId}
     AND b.status IN ('offered','confirmed','checked_in') AND daterange(b.check_in, b.check_out) && daterange(a.check_in, a.check_out)
    WHERE a.hub_id = ${hubId} AND a.person_id = ${fromId} AND a.status IN ('offered','confirmed','checked_in')
    LIMIT 1`);
  if (clash.length > 0) throw new AppError('CONFLICT', [{ path: 'decision', code: 'STAYS_OVERLAP' }]);
  const bookings = await tx.execute(sql`UPDATE stay_bookings SET person_id = ${toId} WHERE hub_id = ${hubId} AND person_id = ${fromId}`);
  const waiting = await tx.execute(sql`UPDATE stay_waitlist SET person_id = ${toId} WHERE hub_id = ${hubId} AND person_id = ${fromId}`);
  return (bookings.rowCount ?? 0) + (waiting.rowCount ?? 0);
}

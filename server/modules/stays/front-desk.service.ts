import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { bookingFor, type BookingRow } from './bookings.service.js';
import { addDays, localHour, localToday } from './stay-dates.js';
import type { Scope } from './stations.service.js';
import { stayBookings } from './stays.tables.js';
import { offerFreedBeds } from './waitlist.service.js';

/** Checks a guest in by the code of their QR (scanned or typed) on a night of their stay. */
export async function checkInStay(tx: Tx, scope: Scope, code: string, now = new Date()): Promise<BookingRow> {
  const [found] = await tx
    .select({ id: stayBookings.id })
    .from(stayBookings)
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.code, code.trim().toUpperCase())));
  const wrong = new AppError('CHECKIN_CODE_WRONG', [{ path: 'code', code: 'INVALID' }]);
  if (!found) throw wrong;
  const row = await bookingFor(tx, scope, found.id, 'front_desk', true).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? wrong : error;
  });
  if (row.status !== 'confirmed') throw new AppError('BOOKING_NOT_ACTIVE');
  const today = localToday(scope.hub.timeZone, now);
  if (today < row.checkIn || today >= row.checkOut) throw new AppError('CHECK_IN_NOT_TODAY');
  const [updated] = await tx
    .update(stayBookings)
    .set({ status: 'checked_in', checkedInAt: now })
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, row.id)))
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.checked_in',
    subjectType: 'stay_booking',
    subjectId: row.id,
    payload: { station: row.stationId },
  });
  return updated!;
}

/** Checks a guest out; leaving early gives back the nights not slept (and the bed). */
export async function checkOutStay(tx: Tx, scope: Scope, id: string, now = new Date()): Promise<BookingRow> {
  const row = await bookingFor(tx, scope, id, 'front_desk', true);
  if (row.status !== 'checked_in') throw new AppError('BOOKING_NOT_ACTIVE');
  const today = localToday(scope.hub.timeZone, now);
  const checkOut = today < row.checkOut ? (today > row.checkIn ? today : addDays(row.checkIn, 1)) : row.checkOut;
  const [updated] = await tx
    .update(stayBookings)
    .set({ status: 'checked_out', checkedOutAt: now, endedAt: now, checkOut })
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, row.id)))
    .returning();
  if (checkOut < row.checkOut) await offerFreedBeds(tx, scope.hub, row.stationId, now);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.checked_out',
    subjectType: 'stay_booking',
    subjectId: row.id,
    payload: { station: row.stationId, checkOut },
  });
  return updated!;
}

/**
 * Releases confirmed guests who have not arrived by their station's cut-off hour on the
 * day of arrival (or at all): their bookings become no-shows and the beds go to the
 * waitlist. Run hourly by a job; returns how many were released.
 */
export async function releaseNoShows(db: Db, hub: { id: string; slug: string; timeZone: string }, now = new Date()): Promise<number> {
  const today = localToday(hub.timeZone, now);
  const hour = localHour(hub.timeZone, now);
  return withTransaction(db, async (tx) => {
    const { rows } = await tx.execute<{ id: string; station_id: string }>(sql`
      UPDATE stay_bookings k SET status = 'no_show', ended_at = ${now.toISOString()}::timestamptz
      FROM stay_stations s
      WHERE k.hub_id = ${hub.id} AND s.hub_id = k.hub_id AND s.id = k.station_id AND k.status = 'confirmed'
        AND (k.check_in < ${today}::date OR (k.check_in = ${today}::date AND s.no_show_hour <= ${hour}))
      RETURNING k.id, k.station_id`);
    for (const stationId of new Set(rows.map((r) => r.station_id))) await offerFreedBeds(tx, hub, stationId, now);
    for (const r of rows)
      await recordAudit(tx, {
        hubId: hub.id,
        actorId: null,
        action: 'stay.no_show',
        subjectType: 'stay_booking',
        subjectId: r.id,
        payload: { station: r.station_id },
      });
    return rows.length;
  });
}

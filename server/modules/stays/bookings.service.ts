import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { StayBookingInput } from '../../../contracts/stays.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { storedResponse } from '../../platform/idempotency/idempotency.js';
import { after, readCursor } from '../../platform/pagination.js';
import { admit } from './admit.js';
import { managedStationIds, requireStation, stationForBooking, type Scope } from './stations.service.js';
import { stayBookingPolicy, stationPolicy } from './stays.policies.js';
import { stayBookings } from './stays.tables.js';
import { offerFreedBeds } from './waitlist.service.js';
import { bookBedOnce, bookedStay, holdBed, type BookedResult, type BookedStay, type Guest, type Range } from './take-bed.js';

export type BookingRow = typeof stayBookings.$inferSelect;

/**
 * A graduate books a free stay in two round trips and no transaction of the app's: the
 * station, its calendar and the guest's facts read in one statement and judged (`admit`),
 * then the rest in one call (`bookBedOnce`: the key, the person locked, their limits, a bed
 * taken under the exclusion constraints, the audit event). A refusal of a retry whose key
 * already holds a first answer gives that answer instead (the dates may have passed since).
 */
export async function createStayBooking(db: Db | Tx, scope: Scope, input: StayBookingInput, idempotencyKey?: string, now = new Date()): Promise<BookedStay> {
  stationPolicy.authorize(scope.actor, 'book', { manages: false });
  const key = { hubId: scope.hub.id, userId: scope.actor.userId!, key: idempotencyKey, operation: 'createStayBooking', request: input };
  const loaded = await stationForBooking(db, scope, input.stationId);
  const range = { checkIn: input.checkIn, checkOut: input.checkOut };
  let guest: Guest;
  try {
    guest = admit(scope, loaded, range, now);
  } catch (error) {
    const first = await storedResponse<BookedResult>(db, key);
    if (first) return bookedStay(first.body, true);
    throw error;
  }
  return bookBedOnce(db, key, loaded.station, guest, range);
}

async function findBooking(db: Db | Tx, hubId: string, id: string, lock = false): Promise<BookingRow | undefined> {
  const query = db
    .select()
    .from(stayBookings)
    .where(and(eq(stayBookings.hubId, hubId), eq(stayBookings.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** A booking the caller may `action`; others' answer 404 (or 403 to those who may read it). */
export async function bookingFor(db: Db | Tx, scope: Scope, id: string, action: string, lock = false): Promise<BookingRow> {
  const row = await findBooking(db, scope.hub.id, id, lock);
  if (!row) throw notFound();
  const manages = (await managedStationIds(db, scope)).has(row.stationId);
  stayBookingPolicy.authorize(scope.actor, action, { own: row.userId === scope.actor.userId, manages });
  return row;
}

export const getStayBooking = (db: Db | Tx, scope: Scope, id: string) => bookingFor(db, scope, id, 'read');

/**
 * Cancels an active booking; its bed is free at once (the constraint only counts active
 * ones) and offered to the waitlist in the same transaction.
 */
export async function cancelStayBooking(tx: Tx, scope: Scope, id: string): Promise<BookingRow> {
  const row = await bookingFor(tx, scope, id, 'cancel', true);
  // A bed on offer is declined by leaving the waitlist, which also closes the entry.
  if (row.status !== 'confirmed') throw new AppError('BOOKING_NOT_ACTIVE');
  const [updated] = await tx
    .update(stayBookings)
    .set({ status: 'cancelled', endedAt: new Date() })
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, id)))
    .returning();
  // The freed bed goes to the waitlist first (station lock before the audit head: one lock order).
  await offerFreedBeds(tx, scope.hub, row.stationId);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.cancelled',
    subjectType: 'stay_booking',
    subjectId: id,
    payload: { station: row.stationId, bed: row.bedId },
  });
  return updated!;
}

/**
 * New dates for a booking, atomically: the old booking is marked changed and a new one
 * taken in the same transaction, so either the new one stands or (on any refusal, which
 * rolls back) the old one does, never neither. The old bed is free to be taken again.
 */
export async function changeStayBooking(tx: Tx, scope: Scope, id: string, range: Range, now = new Date()): Promise<BookingRow> {
  const old = await bookingFor(tx, scope, id, 'change', true);
  if (old.status !== 'confirmed') throw new AppError('BOOKING_NOT_ACTIVE');
  const loaded = await stationForBooking(tx, scope, old.stationId);
  const guest = admit(scope, loaded, range, now);
  // Marked changed first, so its bed is free for the new dates; a refusal rolls it back.
  await tx
    .update(stayBookings)
    .set({ status: 'changed', endedAt: new Date() })
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, id)));
  const taken = await holdBed(tx, scope.hub.id, loaded.station, guest, range, { take: true, replacesId: old.id, exceptId: old.id });
  if (!taken) throw new AppError('NO_AVAILABILITY');
  await offerFreedBeds(tx, scope.hub, old.stationId);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.changed',
    subjectType: 'stay_booking',
    subjectId: taken.id,
    payload: { replaces: old.id, bed: taken.bedId, checkIn: range.checkIn, checkOut: range.checkOut },
  });
  return (await findBooking(tx, scope.hub.id, taken.id))!;
}

/**
 * The caller's own bookings; with `station` (one of this hub's, else 404), a manager's (or
 * admin's) view of that station. By check-in, latest first: a page of them with `page`
 * (limit + 1 rows after its cursor), every one in the window with `all` (the station's
 * export, whose window is at most a year), else the latest 500.
 */
export async function listStayBookings(
  db: Db | Tx,
  scope: Scope,
  options: { stationId?: string; from?: string; to?: string; all?: boolean } = {},
  page?: CursorQuery,
): Promise<BookingRow[]> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const key = readCursor(page?.next, 2);
  if (options.stationId) {
    await requireStation(db, scope.hub.id, options.stationId);
    const manages = (await managedStationIds(db, scope)).has(options.stationId);
    stationPolicy.authorize(scope.actor, 'run', { manages });
  }
  const query = db
    .select()
    .from(stayBookings)
    .where(
      and(
        eq(stayBookings.hubId, scope.hub.id),
        options.stationId ? eq(stayBookings.stationId, options.stationId) : eq(stayBookings.userId, scope.actor.userId),
        options.from ? sql`${stayBookings.checkOut} > ${options.from}` : undefined,
        options.to ? sql`${stayBookings.checkIn} < ${options.to}` : undefined,
        options.stationId ? inArray(stayBookings.status, ['offered', 'confirmed', 'checked_in', 'checked_out', 'no_show']) : undefined,
        key ? after([stayBookings.checkIn, stayBookings.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(stayBookings.checkIn), desc(stayBookings.id))
    .$dynamic();
  if (options.all) return query;
  return query.limit(page ? page.limit + 1 : 500);
}

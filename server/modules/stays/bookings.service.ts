import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { StayBookingInput } from '../../../contracts/stays.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { graduateStanding } from '../talent/index.js';
import { localToday, rangeProblems } from './stay-dates.js';
import { closedNights, loadStation, managedStationIds, type LoadedStation, type Scope } from './stations.service.js';
import { stayBookingPolicy, stationPolicy } from './stays.policies.js';
import { stayBookings } from './stays.tables.js';
import { checkPersonLimits, lockPerson, takeBed, type Guest, type Range } from './take-bed.js';

export type BookingRow = typeof stayBookings.$inferSelect;

/**
 * Everything a booking must satisfy before a bed is taken: dates (400), the station's
 * calendar, the graduate's standing on the first night (403 NOT_ELIGIBLE with reasons).
 * Returns who the guest is.
 */
async function admit(tx: Tx, scope: Scope, loaded: LoadedStation, range: Range, now: Date): Promise<Guest> {
  const problems = rangeProblems(localToday(scope.hub.timeZone, now), range.checkIn, range.checkOut);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const closed = closedNights(loaded, range.checkIn, range.checkOut);
  if (closed.length) throw new AppError('STATION_CLOSED', closed);
  const { station } = loaded;
  const standing = await graduateStanding(tx, scope.hub.id, scope.actor.userId!, { minDegree: station.minDegree as never, graduatedWithinMonths: station.graduatedWithinMonths }, range.checkIn);
  if (!standing.eligible || !standing.personId) {
    throw new AppError('NOT_ELIGIBLE', standing.reasons.filter((r) => !r.ok).map((r) => ({ path: r.key, code: 'INVALID' as const, detail: r.en })));
  }
  return { personId: standing.personId, userId: scope.actor.userId! };
}

/**
 * A graduate books a free stay: admitted, the person locked, their limits checked, and a
 * bed taken under the exclusion constraints, all in the caller's transaction.
 */
export async function createStayBooking(tx: Tx, scope: Scope, input: StayBookingInput, now = new Date()): Promise<BookingRow> {
  stationPolicy.authorize(scope.actor, 'book', { manages: false });
  const loaded = await loadStation(tx, scope, input.stationId);
  const range = { checkIn: input.checkIn, checkOut: input.checkOut };
  const guest = await admit(tx, scope, loaded, range, now);
  await lockPerson(tx, scope.hub.id, guest.personId);
  await checkPersonLimits(tx, scope.hub.id, loaded.station, guest.personId, range);
  const taken = await takeBed(tx, scope.hub.id, loaded.station.id, guest, range);
  if (!taken) throw new AppError('NO_AVAILABILITY');
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.booked',
    subjectType: 'stay_booking',
    subjectId: taken.id,
    payload: { station: loaded.station.id, bed: taken.bedId, person: guest.personId, checkIn: range.checkIn, checkOut: range.checkOut },
  });
  return (await findBooking(tx, scope.hub.id, taken.id))!;
}

async function findBooking(db: Db | Tx, hubId: string, id: string, lock = false): Promise<BookingRow | undefined> {
  const query = db.select().from(stayBookings).where(and(eq(stayBookings.hubId, hubId), eq(stayBookings.id, id)));
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

/** Cancels an active booking; its bed is free at once (the constraint only counts active ones). */
export async function cancelStayBooking(tx: Tx, scope: Scope, id: string): Promise<BookingRow> {
  const row = await bookingFor(tx, scope, id, 'cancel', true);
  if (row.status !== 'confirmed' && row.status !== 'offered') throw new AppError('BOOKING_NOT_ACTIVE');
  const [updated] = await tx
    .update(stayBookings)
    .set({ status: 'cancelled', endedAt: new Date() })
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, id)))
    .returning();
  await recordAudit(tx, { hubId: scope.hub.id, actorId: scope.actor.userId, action: 'stay.cancelled', subjectType: 'stay_booking', subjectId: id, payload: { station: row.stationId, bed: row.bedId } });
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
  const loaded = await loadStation(tx, scope, old.stationId);
  const guest = await admit(tx, scope, loaded, range, now);
  await lockPerson(tx, scope.hub.id, guest.personId);
  await checkPersonLimits(tx, scope.hub.id, loaded.station, guest.personId, range, old.id);
  await tx.update(stayBookings).set({ status: 'changed', endedAt: new Date() }).where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, id)));
  const taken = await takeBed(tx, scope.hub.id, old.stationId, guest, range, { replacesId: old.id });
  if (!taken) throw new AppError('NO_AVAILABILITY');
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

/** The caller's own bookings; with `station`, a manager's (or admin's) view of that station. */
export async function listStayBookings(db: Db | Tx, scope: Scope, options: { stationId?: string; from?: string; to?: string } = {}): Promise<BookingRow[]> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  if (options.stationId) {
    const manages = (await managedStationIds(db, scope)).has(options.stationId);
    stationPolicy.authorize(scope.actor, 'run', { manages });
  }
  return db
    .select()
    .from(stayBookings)
    .where(
      and(
        eq(stayBookings.hubId, scope.hub.id),
        options.stationId ? eq(stayBookings.stationId, options.stationId) : eq(stayBookings.userId, scope.actor.userId),
        options.from ? sql`${stayBookings.checkOut} > ${options.from}` : undefined,
        options.to ? sql`${stayBookings.checkIn} < ${options.to}` : undefined,
        options.stationId ? inArray(stayBookings.status, ['offered', 'confirmed', 'checked_in', 'checked_out', 'no_show']) : undefined,
      ),
    )
    .orderBy(desc(stayBookings.checkIn), desc(stayBookings.createdAt))
    .limit(500);
}

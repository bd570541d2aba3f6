import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { rowOf } from '../../db/raw-row.js';
import { namedSql } from '../../db/named.js';
import { serverDetail, serverMessage, sqlState } from '../../db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { keyRefusal, requestHashOf, type IdempotencyScope } from '../../platform/idempotency/idempotency.js';
import { uuidv7 } from '../../platform/ids.js';
import { nightsBetween } from './stay-dates.js';
import type { StationRow } from './stations.service.js';
import { stayBookings } from './stays.tables.js';

export const ACTIVE = sql.raw(`('offered','confirmed','checked_in')`);

export type Guest = { personId: string; userId: string };
export type Range = { checkIn: string; checkOut: string };
export type TakenBed = { id: string; bedId: string };
type BookingRow = typeof stayBookings.$inferSelect;

/** A stay longer than the station allows in one go: refused before the database is asked. */
export function checkStayLength(station: Pick<StationRow, 'maxNightsPerStay'>, range: Range): void {
  if (nightsBetween(range.checkIn, range.checkOut) > station.maxNightsPerStay)
    throw new AppError('STAY_LIMIT_REACHED', [{ path: 'checkOut', code: 'TOO_MANY_NIGHTS', detail: `at most ${station.maxNightsPerStay} nights a stay` }]);
}

/** The refusals dg_stay_take and dg_stay_book answer with, as the app's errors (the key's: `keyRefusal`). */
function refusal(code: string, detail: string | null): AppError {
  if (code === 'STAY_LIMIT_REACHED') return new AppError('STAY_LIMIT_REACHED', [{ path: 'checkOut', code: 'TOO_MANY_NIGHTS', detail: detail ?? '' }]);
  // Staff linked the account to another record while this was judged (migrations/0049): try again.
  if (code === 'GUEST_CHANGED') return new AppError('CONFLICT');
  return new AppError(code === 'ALREADY_BOOKED' ? 'ALREADY_BOOKED' : 'NO_AVAILABILITY');
}

/**
 * One round trip (`dg_stay_take`, migrations/0036): the person locked for the rest of the
 * transaction (a transaction-level advisory lock on hub and person, so their limits are
 * read and written under it), their limits checked (no other stay on these nights anywhere
 * in the hub; nights at this station in the stay's year and ever, plus the new ones, within
 * the station's rules; `exceptId` leaves out a booking being replaced), and with `take` any
 * free bed of the station taken: an INSERT ... SELECT of a bed that looks free, random
 * order, with the exclusion constraints the final arbiter, again until it inserts or no
 * bed is left for the range. A refusal throws without writing anything, so a caller may
 * catch it and go on in the same transaction. Returns the bed taken (null without `take`).
 */
export async function holdBed(
  tx: Tx,
  hubId: string,
  station: Pick<StationRow, 'id' | 'maxNightsPerStay'>,
  guest: Guest,
  range: Range,
  options: { take: boolean; status?: 'confirmed' | 'offered'; replacesId?: string | null; exceptId?: string | null },
): Promise<TakenBed | null> {
  checkStayLength(station, range);
  const { rows } = await tx.execute<{ refusal: string | null; detail: string | null; booking_id: string | null; bed_id: string | null }>(sql`
    SELECT * FROM dg_stay_take(${hubId}::uuid, ${station.id}::uuid, ${guest.personId}::uuid, ${guest.userId}::uuid, ${range.checkIn}::date,
      ${range.checkOut}::date, ${options.take}, ${uuidv7()}::uuid, ${options.status ?? 'confirmed'}, ${options.replacesId ?? null}::uuid,
      ${options.exceptId ?? null}::uuid)`);
  const row = rows[0]!;
  if (row.refusal) throw refusal(row.refusal, row.detail);
  return row.booking_id && row.bed_id ? { id: row.booking_id, bedId: row.bed_id } : null;
}

/** A booking as dg_stay_book_once answers and its key keeps it: the row and where its bed is. */
export type BookedBed = { id: string; label: string; room: string; stationId: string; nameZh: string; nameEn: string; addressZh: string; addressEn: string };
export type BookedStay = { booking: BookingRow; bed: BookedBed; replayed: boolean };
/** The same as the function returns it and the key keeps it: the row by its column names. */
export type BookedResult = { booking: Record<string, unknown>; bed: BookedBed };

export const bookedStay = (result: BookedResult, replayed: boolean): BookedStay => ({
  booking: rowOf(stayBookings, result.booking),
  bed: result.bed,
  replayed,
});

/** The call behind `bookBedOnce`, a named statement built once (its values placeholders). */
const bookOnce = namedSql<
  {
    hub: string;
    user: string;
    key: string | null;
    operation: string;
    requestHash: string;
    station: string;
    person: string;
    checkIn: string;
    checkOut: string;
    booking: string;
    event: string;
    at: string;
  },
  { replayed: boolean; result: BookedResult }
>(
  'dg_stay_book_once',
  sql`SELECT * FROM dg_stay_book_once(${sql.placeholder('hub')}::uuid, ${sql.placeholder('user')}::uuid, ${sql.placeholder('key')},
    ${sql.placeholder('operation')}, ${sql.placeholder('requestHash')}, ${sql.placeholder('station')}::uuid, ${sql.placeholder('person')}::uuid,
    ${sql.placeholder('checkIn')}::date, ${sql.placeholder('checkOut')}::date, ${sql.placeholder('booking')}::uuid, ${sql.placeholder('event')}::uuid,
    ${sql.placeholder('at')}::timestamptz)`,
);

/**
 * A confirmed booking, whole, in one round trip and its own transaction
 * (`dg_stay_book_once`, migrations/0040): with the caller's Idempotency-Key its row, then
 * `holdBed`'s lock, limits and bed, the audit event 'stay.booked' (the same bytes as
 * recordAudit) and the result kept under the key; a retry gets the first result back
 * (`replayed`). On Citus the call runs on the hub's worker.
 */
export async function bookBedOnce(
  db: Db | Tx,
  key: IdempotencyScope,
  station: Pick<StationRow, 'id' | 'maxNightsPerStay'>,
  guest: Guest,
  range: Range,
): Promise<BookedStay> {
  checkStayLength(station, range);
  try {
    const { rows } = await bookOnce(db, {
      hub: key.hubId,
      user: guest.userId,
      key: key.key ?? null,
      operation: key.operation,
      requestHash: requestHashOf(key),
      station: station.id,
      person: guest.personId,
      checkIn: range.checkIn,
      checkOut: range.checkOut,
      booking: uuidv7(),
      event: uuidv7(),
      at: new Date().toISOString(),
    });
    return bookedStay(rows[0]!.result, rows[0]!.replayed);
  } catch (error) {
    const key = keyRefusal(error);
    if (key) throw key;
    if (sqlState(error) === 'DG001') throw refusal(serverMessage(error) ?? '', serverDetail(error));
    throw error;
  }
}

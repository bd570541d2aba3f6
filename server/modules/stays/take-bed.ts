import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { nightsBetween } from './stay-dates.js';
import type { StationRow } from './stations.service.js';

export const ACTIVE = sql.raw(`('offered','confirmed','checked_in')`);
/** Statuses whose nights count against a person's limits (a no-show or cancellation does not). */
const COUNTED = sql.raw(`('offered','confirmed','checked_in','checked_out')`);

export type Guest = { personId: string; userId: string };
export type Range = { checkIn: string; checkOut: string };

/**
 * Serialises one person's bookings (their limits are read and written under it) without
 * touching anyone else: a transaction-level advisory lock on (hub, person).
 */
export async function lockPerson(tx: Tx, hubId: string, personId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`stay:${hubId}:${personId}`}, 0))`);
}

/**
 * The station's per-person limits, with the person locked: no other stay on these nights
 * (anywhere in the hub), and nights at this station in the stay's year and ever, plus
 * the new ones, within the rules.
 * `exceptId` leaves out a booking being replaced (change of dates).
 */
export async function checkPersonLimits(tx: Tx, hubId: string, station: StationRow, personId: string, range: Range, exceptId: string | null = null): Promise<void> {
  const nights = nightsBetween(range.checkIn, range.checkOut);
  if (nights > station.maxNightsPerStay) throw new AppError('STAY_LIMIT_REACHED', [{ path: 'checkOut', code: 'TOO_MANY_NIGHTS', detail: `at most ${station.maxNightsPerStay} nights a stay` }]);
  const year = range.checkIn.slice(0, 4);
  // Under the person's lock, so no twin request slips between this read and the insert.
  const { rows } = await tx.execute<{ year: number; ever: number; overlapping: boolean }>(sql`
    SELECT coalesce(sum(check_out - check_in) FILTER (WHERE to_char(check_in, 'YYYY') = ${year} AND station_id = ${station.id}), 0)::int AS year,
           coalesce(sum(check_out - check_in) FILTER (WHERE station_id = ${station.id}), 0)::int AS ever,
           coalesce(bool_or(status IN ${ACTIVE} AND daterange(check_in, check_out) && daterange(${range.checkIn}::date, ${range.checkOut}::date)), false) AS overlapping
    FROM stay_bookings
    WHERE hub_id = ${hubId} AND person_id = ${personId} AND status IN ${COUNTED}
      AND (${exceptId}::uuid IS NULL OR id <> ${exceptId}::uuid)`);
  const used = rows[0]!;
  if (used.overlapping) throw new AppError('ALREADY_BOOKED');
  if (station.maxNightsPerYear !== null && used.year + nights > station.maxNightsPerYear) {
    throw new AppError('STAY_LIMIT_REACHED', [{ path: 'checkOut', code: 'TOO_MANY_NIGHTS', detail: `${used.year} of ${station.maxNightsPerYear} nights this year used` }]);
  }
  if (station.maxNightsLifetime !== null && used.ever + nights > station.maxNightsLifetime) {
    throw new AppError('STAY_LIMIT_REACHED', [{ path: 'checkOut', code: 'TOO_MANY_NIGHTS', detail: `${used.ever} of ${station.maxNightsLifetime} nights used` }]);
  }
}

/** A check-in code: 10 characters of an alphabet without look-alikes (0/O, 1/I). */
export function newCheckInCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export type TakenBed = { id: string; bedId: string };

/**
 * Books any free bed of the station for the range: no read-then-insert. One INSERT ...
 * SELECT picks a bed that looks free (random order spreads concurrent guests over the
 * beds) and the exclusion constraint is the final arbiter: ON CONFLICT DO NOTHING waits
 * for a transaction holding that bed and, if it committed, inserts nothing; the next
 * attempt (a new snapshot, which sees that booking) picks another. Each miss means a bed
 * got taken for good, so the loop ends when the station has no bed left for the range.
 * No savepoint, no aborted transaction: one round trip per attempt.
 */
export async function takeBed(
  tx: Tx,
  hubId: string,
  stationId: string,
  guest: Guest,
  range: Range,
  options: { status?: 'confirmed' | 'offered'; replacesId?: string | null } = {},
): Promise<TakenBed | null> {
  const status = options.status ?? 'confirmed';
  for (let attempt = 0; ; attempt++) {
    const id = uuidv7();
    const { rows } = await tx.execute<{ candidates: number; id: string | null; bed_id: string | null }>(sql`
      WITH pick AS (
        SELECT b.id, b.station_id FROM stay_beds b
        WHERE b.hub_id = ${hubId} AND b.station_id = ${stationId}
          AND NOT EXISTS (
            SELECT 1 FROM stay_bookings k
            WHERE k.hub_id = b.hub_id AND k.bed_id = b.id AND k.status IN ${ACTIVE}
              AND daterange(k.check_in, k.check_out) && daterange(${range.checkIn}::date, ${range.checkOut}::date))
        ORDER BY random()
        LIMIT 1
      ), taken AS (
        INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code, replaces_id)
        SELECT ${hubId}, ${id}, station_id, id, ${guest.personId}, ${guest.userId}, ${range.checkIn}, ${range.checkOut}, ${status}, ${newCheckInCode()}, ${options.replacesId ?? null}
        FROM pick
        ON CONFLICT DO NOTHING
        RETURNING id, bed_id
      )
      SELECT (SELECT count(*)::int FROM pick) AS candidates, (SELECT id FROM taken) AS id, (SELECT bed_id FROM taken) AS bed_id`);
    const row = rows[0]!;
    if (row.id && row.bed_id) return { id: row.id, bedId: row.bed_id };
    if (row.candidates === 0) return null;
    // A bed taken meanwhile: try again. The person's own overlap is ruled out under their
    // lock before this runs; should it ever collide, say so rather than loop.
    if (attempt % 16 === 15) {
      const { rows: own } = await tx.execute(sql`
        SELECT 1 FROM stay_bookings WHERE hub_id = ${hubId} AND person_id = ${guest.personId} AND status IN ${ACTIVE}
          AND daterange(check_in, check_out) && daterange(${range.checkIn}::date, ${range.checkOut}::date) LIMIT 1`);
      if (own.length) throw new AppError('ALREADY_BOOKED');
    }
  }
}

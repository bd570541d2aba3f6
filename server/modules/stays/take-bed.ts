import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
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
 * beds) and the exclusion constraint is the final arbiter: a bed taken meanwhile by a
 * transaction that committed raises 23P01 inside a savepoint, and the next attempt (a new
 * snapshot, which sees that booking) picks another. Each refusal means a bed got taken
 * for good, so the loop ends when the station has no bed left for the range.
 */
export async function takeBed(
  tx: Tx,
  hubId: string,
  stationId: string,
  guest: Guest,
  range: Range,
  options: { status?: 'confirmed' | 'offered'; replacesId?: string | null; id?: string } = {},
): Promise<TakenBed | null> {
  const status = options.status ?? 'confirmed';
  for (;;) {
    const id = options.id ?? uuidv7();
    try {
      const rows = await tx.transaction(async (sp) => {
        const { rows } = await sp.execute<{ id: string; bed_id: string }>(sql`
          INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code, replaces_id)
          SELECT ${hubId}, ${id}, b.station_id, b.id, ${guest.personId}, ${guest.userId}, ${range.checkIn}, ${range.checkOut}, ${status}, ${newCheckInCode()}, ${options.replacesId ?? null}
          FROM stay_beds b
          WHERE b.hub_id = ${hubId} AND b.station_id = ${stationId}
            AND NOT EXISTS (
              SELECT 1 FROM stay_bookings k
              WHERE k.hub_id = b.hub_id AND k.bed_id = b.id AND k.status IN ${ACTIVE}
                AND daterange(k.check_in, k.check_out) && daterange(${range.checkIn}::date, ${range.checkOut}::date))
          ORDER BY random()
          LIMIT 1
          RETURNING id, bed_id`);
        return rows;
      });
      const row = rows[0];
      return row ? { id: row.id, bedId: row.bed_id } : null;
    } catch (error) {
      const state = sqlState(error);
      const constraint = constraintName(error);
      if (state === '23P01' && constraint === 'stay_bookings_bed_excl') continue;
      if (state === '23P01' && constraint === 'stay_bookings_person_excl') throw new AppError('ALREADY_BOOKED');
      // A code collision (1 in 32^10) is worth one more try, not a 500.
      if (state === '23505' && constraint === 'stay_bookings_code_idx') continue;
      throw error;
    }
  }
}

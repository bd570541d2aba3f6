import { sql } from 'drizzle-orm';
import { STAY_LIMITS } from '../../../contracts/stays.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { addDays, localToday, nightsBetween, nightsOf, rangeProblems } from './stay-dates.js';
import { closedNights, listStations, type LoadedStation, type Scope } from './stations.service.js';
import { ACTIVE } from './take-bed.js';

export type StationAvailability = { loaded: LoadedStation; freeForRange: number; nights: { date: string; free: number; closed: boolean }[] };

/**
 * Free beds per station for [from, to): per night, and for the whole range (beds with no
 * active booking on any of its nights, which is what a booking can take). Two grouped
 * queries over the active bookings overlapping the range, whatever the number of stations.
 */
export async function searchStayAvailability(db: Db | Tx, scope: Scope, query: { from: string; to: string; station?: string | undefined }, now = new Date()): Promise<StationAvailability[]> {
  const problems = rangeProblems(localToday(scope.hub.timeZone, now), query.from, query.to, { from: 'from', to: 'to' });
  if (!problems.length && nightsBetween(query.from, query.to) > STAY_LIMITS.searchDaysMax) problems.push({ path: 'to', code: 'TOO_BIG' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const stations = await listStations(db, scope, query.station);
  if (stations.length === 0) return [];
  const ids = sql.param(stations.map((s) => s.station.id));
  const range = sql`daterange(${query.from}::date, ${query.to}::date)`;
  const [perNight, perRange] = await Promise.all([
    db.execute<{ station: string; night: string; taken: number }>(sql`
      SELECT k.station_id AS station, to_char(d, 'YYYY-MM-DD') AS night, count(*)::int AS taken
      FROM stay_bookings k
      CROSS JOIN LATERAL generate_series(greatest(k.check_in, ${query.from}::date), least(k.check_out, ${query.to}::date) - 1, interval '1 day') AS d
      WHERE k.hub_id = ${scope.hub.id} AND k.station_id = ANY(${ids}::uuid[]) AND k.status IN ${ACTIVE}
        AND daterange(k.check_in, k.check_out) && ${range}
      GROUP BY 1, 2`),
    db.execute<{ station: string; beds: number }>(sql`
      SELECT k.station_id AS station, count(DISTINCT k.bed_id)::int AS beds
      FROM stay_bookings k
      WHERE k.hub_id = ${scope.hub.id} AND k.station_id = ANY(${ids}::uuid[]) AND k.status IN ${ACTIVE}
        AND daterange(k.check_in, k.check_out) && ${range}
      GROUP BY 1`),
  ]);
  const taken = new Map(perNight.rows.map((r) => [`${r.station}/${r.night}`, r.taken]));
  const busy = new Map(perRange.rows.map((r) => [r.station, r.beds]));
  const nights = nightsOf(query.from, query.to);
  return stations.map((loaded) => {
    const id = loaded.station.id;
    const closed = new Set(nights.filter((d) => closedNights(loaded, d, addDays(d, 1)).length > 0));
    return {
      loaded,
      freeForRange: closed.size > 0 ? 0 : loaded.beds - (busy.get(id) ?? 0),
      nights: nights.map((date) => ({ date, closed: closed.has(date), free: closed.has(date) ? 0 : loaded.beds - (taken.get(`${id}/${date}`) ?? 0) })),
    };
  });
}

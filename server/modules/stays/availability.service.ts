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
 * active booking on any of its nights, which is what a booking can take). One scan of
 * the active bookings overlapping the range, whatever the number of stations or nights.
 * A `station` of another hub, or none, is 404.
 */
export async function searchStayAvailability(
  db: Db | Tx,
  scope: Scope,
  query: { from: string; to: string; station?: string | undefined },
  now = new Date(),
): Promise<StationAvailability[]> {
  const problems = rangeProblems(localToday(scope.hub.timeZone, now), query.from, query.to, { from: 'from', to: 'to' });
  if (!problems.length && nightsBetween(query.from, query.to) > STAY_LIMITS.searchDaysMax) problems.push({ path: 'to', code: 'TOO_BIG' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const stations = await listStations(db, scope, query.station);
  if (query.station && stations.length === 0) throw new AppError('NOT_FOUND', [{ path: 'station', code: 'NOT_IN_HUB' }]);
  if (stations.length === 0) return [];
  const ids = sql.param(stations.map((s) => s.station.id));
  // One pass over the active bookings that touch the range: arrivals and departures per
  // night (free beds per night follow by a running sum) and the distinct beds held.
  const { rows } = await db.execute<{ station: string; kind: 'in' | 'out' | 'beds'; day: string | null; n: number }>(sql`
    WITH k AS MATERIALIZED (
      SELECT station_id, bed_id, greatest(check_in, ${query.from}::date) AS s, least(check_out, ${query.to}::date) AS e
      FROM stay_bookings
      WHERE hub_id = ${scope.hub.id} AND station_id = ANY(${ids}::uuid[]) AND status IN ${ACTIVE}
        AND daterange(check_in, check_out) && daterange(${query.from}::date, ${query.to}::date))
    SELECT station_id AS station, 'in' AS kind, to_char(s, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM k GROUP BY 1, 3
    UNION ALL
    SELECT station_id, 'out', to_char(e, 'YYYY-MM-DD'), count(*)::int FROM k WHERE e < ${query.to}::date GROUP BY 1, 3
    UNION ALL
    SELECT station_id, 'beds', NULL, count(DISTINCT bed_id)::int FROM k GROUP BY 1`);
  const delta = new Map<string, number>();
  const busy = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === 'beds') busy.set(r.station, r.n);
    else delta.set(`${r.station}/${r.day}`, (delta.get(`${r.station}/${r.day}`) ?? 0) + (r.kind === 'in' ? r.n : -r.n));
  }
  const nights = nightsOf(query.from, query.to);
  return stations.map((loaded) => {
    const id = loaded.station.id;
    const closed = new Set(nights.filter((d) => closedNights(loaded, d, addDays(d, 1)).length > 0));
    let taken = 0;
    return {
      loaded,
      freeForRange: closed.size > 0 ? 0 : loaded.beds - (busy.get(id) ?? 0),
      nights: nights.map((date) => {
        taken += delta.get(`${id}/${date}`) ?? 0;
        return { date, closed: closed.has(date), free: closed.has(date) ? 0 : loaded.beds - taken };
      }),
    };
  });
}

import { and, asc, eq, sql } from 'drizzle-orm';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { namedSelect } from '../../db/named.js';
import { AppError, notFound, type FieldProblem } from '../../platform/errors.js';
import { after, readCursor } from '../../platform/pagination.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { graduateFactsSql } from '../talent/index.js';
import { stationPolicy } from './stays.policies.js';
import { stayBeds, stayBlackouts, stayStationManagers, stayStations } from './stays.tables.js';

export type Scope = { hub: HubRow; actor: Actor };
export type StationRow = typeof stayStations.$inferSelect;
export type BlackoutRow = typeof stayBlackouts.$inferSelect;
export type LoadedStation = { station: StationRow; blackouts: BlackoutRow[]; beds: number; managed: boolean };

/** Stations the caller manages (empty for everyone but station managers). */
export async function managedStationIds(db: Db | Tx, scope: Scope): Promise<Set<string>> {
  if (!scope.actor.userId || !scope.actor.hubRoles.includes('station_manager')) return new Set();
  const rows = await db
    .select({ id: stayStationManagers.stationId })
    .from(stayStationManagers)
    .where(and(eq(stayStationManagers.hubId, scope.hub.id), eq(stayStationManagers.userId, scope.actor.userId)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The station named in a filter must be one of the hub's: another hub's, or none, is a 404
 * under the filter's name (never an empty page).
 */
export async function requireStation(db: Db | Tx, hubId: string, stationId: string, path = 'station'): Promise<void> {
  const [row] = await db
    .select({ id: stayStations.id })
    .from(stayStations)
    .where(and(eq(stayStations.hubId, hubId), eq(stayStations.id, stationId)));
  if (!row) throw new AppError('NOT_FOUND', [{ path, code: 'NOT_IN_HUB' }]);
}

/** The hub's stations with their blackouts and bed counts (one station when `id` is given). */
export async function listStations(db: Db | Tx, scope: Scope, id?: string, page?: CursorQuery): Promise<LoadedStation[]> {
  stationPolicy.authorize(scope.actor, 'read', { manages: false });
  const key = readCursor(page?.next, 2);
  const query = db
    .select()
    .from(stayStations)
    .where(
      and(eq(stayStations.hubId, scope.hub.id), id ? eq(stayStations.id, id) : undefined, key ? after([stayStations.nameEn, stayStations.id], key) : undefined),
    )
    .orderBy(asc(stayStations.nameEn), asc(stayStations.id));
  const stations = page ? await query.limit(page.limit + 1) : await query;
  if (stations.length === 0) return [];
  const ids = sql.param(stations.map((s) => s.id));
  // One after another: `db` may be a transaction, one client that runs one query at a time.
  const blackouts = await db
    .select()
    .from(stayBlackouts)
    .where(and(eq(stayBlackouts.hubId, scope.hub.id), sql`${stayBlackouts.stationId} = ANY(${ids}::uuid[])`))
    .orderBy(asc(stayBlackouts.startsOn));
  const beds = await db
    .select({ stationId: stayBeds.stationId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(stayBeds)
    .where(and(eq(stayBeds.hubId, scope.hub.id), sql`${stayBeds.stationId} = ANY(${ids}::uuid[])`))
    .groupBy(stayBeds.stationId);
  const managed = await managedStationIds(db, scope);

  const bedsOf = new Map(beds.map((b) => [b.stationId, b.n]));
  return stations.map((station) => ({
    station,
    blackouts: blackouts.filter((b) => b.stationId === station.id),
    beds: bedsOf.get(station.id) ?? 0,
    managed: managed.has(station.id),
  }));
}

/** What a booking needs of a station and its guest: no counts, no managers. */
export type StationForBooking = Pick<LoadedStation, 'station' | 'blackouts'> & { guest: unknown };

/** The read behind `stationForBooking`, with the caller's graduate facts or without: a named statement built once. */
function stationForBookingStatement(name: string, guest: boolean) {
  const hub = sql.placeholder('hub');
  return namedSelect<{ hub: string; station: string; user?: string }, StationForBooking[]>(name, (db) =>
    db
      .select({
        station: stayStations,
        blackouts: sql<
          BlackoutRow[]
        >`coalesce((SELECT json_agg(json_build_object('hubId', b.hub_id, 'id', b.id, 'stationId', b.station_id, 'startsOn', b.starts_on, 'endsOn', b.ends_on, 'reason', b.reason))
        FROM stay_blackouts b WHERE b.hub_id = ${hub} AND b.station_id = stay_stations.id), '[]'::json)`, // the hub by its id, so Citus plans one shard; the station qualified by hand (drizzle leaves columns bare in a select list)
        guest: guest ? graduateFactsSql(hub, sql.placeholder('user')) : sql<unknown>`NULL`,
      })
      .from(stayStations)
      .where(and(eq(stayStations.hubId, hub), eq(stayStations.id, sql.placeholder('station')))),
  );
}

const stationAndGuest = stationForBookingStatement('station_for_booking', true);
const stationAlone = stationForBookingStatement('station_for_booking_anonymous', false);

/**
 * A station, its blackouts and the caller's graduate facts (`graduateFactsSql`, judged by
 * `admit`) in one statement: what a booking, a change or a place on the waitlist needs. A
 * named statement built once (`namedSelect`): every booking runs it.
 */
export async function stationForBooking(db: Db | Tx, scope: Scope, id: string): Promise<StationForBooking> {
  stationPolicy.authorize(scope.actor, 'read', { manages: false });
  const userId = scope.actor.userId;
  const [row] = userId
    ? await stationAndGuest(db, { hub: scope.hub.id, station: id, user: userId })
    : await stationAlone(db, { hub: scope.hub.id, station: id });
  if (!row) throw notFound();
  return row;
}

export async function loadStation(db: Db | Tx, scope: Scope, id: string): Promise<LoadedStation> {
  const [loaded] = await listStations(db, scope, id);
  if (!loaded) throw notFound();
  return loaded;
}

/** Whether the station takes guests every night of [from, to): its calendar and blackouts. */
export function closedNights(loaded: Pick<LoadedStation, 'station' | 'blackouts'>, from: string, to: string): FieldProblem[] {
  const { station, blackouts } = loaded;
  const problems: FieldProblem[] = [];
  if (from < station.opensOn) problems.push({ path: 'checkIn', code: 'INVALID', detail: `opens on ${station.opensOn}` });
  if (station.closesOn && to > station.closesOn) problems.push({ path: 'checkOut', code: 'INVALID', detail: `closes on ${station.closesOn}` });
  for (const b of blackouts)
    if (b.startsOn < to && from < b.endsOn) problems.push({ path: 'checkIn', code: 'INVALID', detail: `closed ${b.startsOn} to ${b.endsOn}` });
  return problems;
}

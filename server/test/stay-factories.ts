import { sql } from 'drizzle-orm';
import type { HubRole } from '../../contracts/auth.js';
import type { Db } from '../db/connection.js';
import { uuidv7 } from '../platform/ids.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { addDays, localToday } from '../modules/stays/stay-dates.js';

export type StationRules = Partial<{
  maxNightsPerStay: number;
  maxNightsPerYear: number | null;
  maxNightsLifetime: number | null;
  minDegree: string;
  graduatedWithinMonths: number;
}>;

/** A station of `beds` beds (ten to a room), open from today, with the given rules. */
export async function stayStation(db: Db, hub: HubRow, beds: number, rules: StationRules = {}): Promise<{ id: string; bedIds: string[] }> {
  const id = uuidv7();
  const r = { maxNightsPerStay: 6, maxNightsPerYear: null, maxNightsLifetime: null, minDegree: 'junior_college', graduatedWithinMonths: 24, ...rules };
  await db.execute(sql`
    INSERT INTO stay_stations (hub_id, id, name_zh, name_en, address_zh, address_en, district, max_nights_per_stay, max_nights_per_year, max_nights_lifetime, min_degree, graduated_within_months, opens_on)
    VALUES (${hub.id}, ${id}, '测试驿站', ${`Test station ${id.slice(-6)}`}, '测试路1号', '1 Test Road', 'xihu', ${r.maxNightsPerStay}, ${r.maxNightsPerYear}, ${r.maxNightsLifetime}, ${r.minDegree}, ${r.graduatedWithinMonths}, ${localToday(hub.timeZone)})`);
  const bedIds: string[] = [];
  for (let room = 0; room * 10 < beds; room++) {
    const roomId = uuidv7();
    await db.execute(sql`INSERT INTO stay_rooms (hub_id, id, station_id, name) VALUES (${hub.id}, ${roomId}, ${id}, ${`Room ${room + 1}`})`);
    const ids = Array.from({ length: Math.min(10, beds - room * 10) }, () => uuidv7());
    bedIds.push(...ids);
    await db.execute(sql`
      INSERT INTO stay_beds (hub_id, id, station_id, room_id, label)
      SELECT ${hub.id}, b, ${id}, ${roomId}, 'Bed ' || ord FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS t(b, ord)`);
  }
  return { id, bedIds };
}

export type Graduate = { userId: string; personId: string };

/**
 * `n` graduates with accounts, person records and a degree (by default a bachelor's a
 * hundred days ago), written in bulk: no sign-in, for service-level tests.
 */
export async function graduates(db: Db, hub: HubRow, n: number, degree: { level?: string; graduatesOn?: string } = {}): Promise<Graduate[]> {
  const list = Array.from({ length: n }, () => ({ userId: uuidv7(), personId: uuidv7() }));
  const users = sql.param(list.map((g) => g.userId));
  const persons = sql.param(list.map((g) => g.personId));
  const graduatesOn = degree.graduatesOn ?? addDays(localToday(hub.timeZone), -100);
  await db.execute(
    sql`INSERT INTO users (id, name, email, email_verified) SELECT u, 'Graduate', u::text || '@grad.test', true FROM unnest(${users}::uuid[]) AS u`,
  );
  await db.execute(sql`
    INSERT INTO people (hub_id, id, name_zh, name_en, roles, user_id)
    SELECT ${hub.id}, p, '毕业生', 'Graduate', '{student}', u FROM unnest(${persons}::uuid[], ${users}::uuid[]) AS t(p, u)`);
  await db.execute(sql`
    INSERT INTO talent_degrees (hub_id, id, person_id, university, level, graduates_on)
    SELECT ${hub.id}, gen_random_uuid(), p, 'Zhejiang University', ${degree.level ?? 'bachelor'}, ${graduatesOn} FROM unnest(${persons}::uuid[]) AS p`);
  return list;
}

/** A service scope for a user id with roles (as loadActor would build it). */
export function scopeOf(hub: HubRow, userId: string | null, hubRoles: HubRole[] = []) {
  return { hub, actor: { userId, hubRoles } };
}

/** Makes a user manage a station. */
export async function manageStation(db: Db, hub: HubRow, stationId: string, userId: string): Promise<void> {
  await db.execute(sql`INSERT INTO stay_station_managers (hub_id, station_id, user_id) VALUES (${hub.id}, ${stationId}, ${userId})`);
}

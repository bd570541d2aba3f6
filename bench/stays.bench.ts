import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database } from '../server/db/connection.js';
import { sqlState } from '../server/db/transaction.js';
import { createStayBooking } from '../server/modules/stays/bookings.service.js';
import { addDays, localToday } from '../server/modules/stays/stay-dates.js';
import { findHub, type HubRow } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { graduates, stayStation, type Graduate } from '../server/test/stay-factories.js';
import { searchStayAvailability } from '../server/modules/stays/availability.service.js';
import { placeBaseline, throughputBeside } from './bench-database.js';
import { beside, closedLoop, int, ms, table, type Throughput } from './support.js';

const SECONDS = Number(process.env.BENCH_STAYS_SECONDS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const log = (line: string) => process.stdout.write(`  ${line}\n`);

/**
 * Bookings per second through createStayBooking (admission, person lock and limits, any
 * free bed under the exclusion constraints, audit event) against a baseline in the same
 * run: raw INSERTs of a chosen bed into a table with the same exclusion constraint.
 * Under contention: 500 clients at once on one 50-bed station, overlapping ranges (each
 * attempt counts, booked or refused). Without: 32 clients on 50 stations, apart, in one hub and
 * then spread over 8 hubs (each hub's bookings append to that hub's one audit chain, whose
 * head is held from the append to the commit's WAL flush: the per-hub ceiling), and the
 * booking's SQL function called bare over 8 hubs (what the database alone allows), and the
 * booking's row alone INSERTed over 8 hubs (its bed chosen by the bench; no lock, limits, search or audit: what
 * stay_bookings' own indexes and constraints cost beside the baseline's one), with this
 * process's CPU a booking through the service and called bare (the service's own cost). Then
 * availability search over 50 stations x 2,000 beds (BENCH_SCALE) x 90 days of bookings.
 * With BENCH_CITUS_URL the throughput is measured on that Citus cluster too, printed beside.
 */
export async function runStaysBench(): Promise<void> {
  await throughputBeside('stays', bookingThroughput, (database) => searchBench(database, localToday('Asia/Shanghai')));
  log(
    'aims: >= 0.5x the baseline under contention, >= 0.25x without (a booking also admits the graduate, locks the person, checks limits, writes the audit chain)',
  );
}

/** createStayBooking with and without contention, each beside raw INSERTs under the same exclusion constraint. */
async function bookingThroughput(database: Database, label: string): Promise<Throughput[]> {
  const db = database.db;
  const hub = await benchHub(database);
  await db.execute(sql`DROP TABLE IF EXISTS bench_bed_nights`);
  await db.execute(sql`CREATE TABLE bench_bed_nights (id uuid NOT NULL, hub_id uuid NOT NULL, bed_id uuid NOT NULL, check_in date NOT NULL, check_out date NOT NULL,
    PRIMARY KEY (hub_id, id), EXCLUDE USING gist (hub_id WITH =, bed_id WITH =, daterange(check_in, check_out) WITH &&))`);
  await placeBaseline(database, 'bench_bed_nights', 'stay_bookings');
  const today = localToday(hub.timeZone);
  // --- contention: 500 at once, 50 beds, 3-night stays starting within one week -----
  const contention = { bookings: 0, attempts: 0, seconds: 0, base: 0, baseSeconds: 0 };
  for (let round = 0; round < 3; round++) {
    const station = await stayStation(db, hub, 50);
    const people = await graduates(db, hub, 500);
    const starts = people.map((_, i) => addDays(today, 1 + (i % 7)));
    const t0 = performance.now();
    const outcomes = await Promise.allSettled(
      people.map((g, i) =>
        createStayBooking(
          db,
          { hub, actor: { userId: g.userId, hubRoles: [] } },
          { stationId: station.id, checkIn: starts[i]!, checkOut: addDays(starts[i]!, 3) },
        ),
      ),
    );
    contention.seconds += (performance.now() - t0) / 1000;
    contention.attempts += outcomes.length;
    contention.bookings += outcomes.filter((o) => o.status === 'fulfilled').length;
    const refusedOther = outcomes.filter((o) => o.status === 'rejected' && (o.reason as { code?: string }).code !== 'NO_AVAILABILITY');
    if (refusedOther.length) throw (refusedOther[0] as PromiseRejectedResult).reason;
    const b0 = performance.now();
    await Promise.all(starts.map((start) => rawInsert(database, hub.id, station.bedIds, start, addDays(start, 3))));
    contention.baseSeconds += (performance.now() - b0) / 1000;
    contention.base += starts.length;
  }
  // --- no contention: 32 clients over 50 stations, each booking its own dates ------
  const stations = await Promise.all(Array.from({ length: 50 }, () => stayStation(db, hub, 10)));
  const pool: Graduate[] = await graduates(db, hub, 5_000);
  let next = 0;
  const uncontended = await perSecond(32, async () => {
    const n = next++;
    const g = pool[n % pool.length]!;
    const station = stations[n % 50]!;
    const start = addDays(today, 1 + Math.floor(n / 500) * 4);
    await createStayBooking(db, { hub, actor: { userId: g.userId, hubRoles: [] } }, { stationId: station.id, checkIn: start, checkOut: addDays(start, 3) });
  });
  const freeBeds = Array.from({ length: 5000 }, () => randomUUID());
  let k = 0;
  const uncontendedBase = await perSecond(32, async () => {
    const n = k++;
    await rawInsert(
      database,
      hub.id,
      [freeBeds[n % freeBeds.length]!],
      addDays(today, 1 + Math.floor(n / 5000) * 4),
      addDays(today, 4 + Math.floor(n / 5000) * 4),
    );
  });
  const acrossHubs = await withNodeCpu(32, await spreadOverHubs(database, 8, today, 'service'));
  const bareCall = await withNodeCpu(32, await spreadOverHubs(database, 8, today, 'call'));
  const rowAlone = await perSecond(32, await spreadOverHubs(database, 8, today, 'row'));
  log(
    `${label}: this process's CPU a booking over 8 hubs (the bench and the service share one thread): ${acrossHubs.cpuMs.toFixed(2)} ms through the service, ${bareCall.cpuMs.toFixed(2)} ms calling dg_stay_book bare`,
  );
  log(
    `${label}: ${contention.bookings} booked of ${contention.attempts} attempts under contention (3 rounds of 500; 50 beds, 3-night stays starting over one week), the rest NO_AVAILABILITY`,
  );
  return [
    beside('createStayBooking, 500 clients, 50 beds', contention.attempts / contention.seconds, contention.base / contention.baseSeconds),
    beside('createStayBooking, 32 clients, no contention', uncontended, uncontendedBase),
    beside('createStayBooking, 32 clients, no contention, 8 hubs', acrossHubs.perSecond, uncontendedBase),
    beside('dg_stay_book called bare (no admission), 32 clients, no contention, 8 hubs', bareCall.perSecond, uncontendedBase),
    beside('the booking row alone (INSERT into stay_bookings), 32 clients, 8 hubs', rowAlone, uncontendedBase),
  ];
}

/**
 * A booking spread round-robin over `count` fresh hubs, each with 50 stations of 10 beds and
 * 500 graduates: through the service (`service`: the station and guest read,
 * admission, the call), the booking's SQL function called bare (`call`: what the database
 * alone costs, the floor the service cannot beat) or the booking's row alone (`row`: one
 * INSERT, each of a station's ten bookings on the same nights in its own bed).
 */
async function spreadOverHubs(database: Database, count: number, today: string, how: 'service' | 'call' | 'row'): Promise<() => Promise<void>> {
  const hubs: { hub: HubRow; stations: { id: string; bedIds: string[] }[]; people: Graduate[]; next: number }[] = [];
  for (let i = 0; i < count; i++) {
    const hub = await benchHub(database);
    const stations = await Promise.all(Array.from({ length: 50 }, () => stayStation(database.db, hub, 10)));
    hubs.push({ hub, stations, people: await graduates(database.db, hub, 500), next: 0 });
  }
  let turn = 0;
  return async () => {
    const h = hubs[turn++ % count]!;
    const n = h.next++;
    const g = h.people[n % 500]!;
    const start = addDays(today, 1 + Math.floor(n / 500) * 4);
    const station = h.stations[n % 50]!.id;
    if (how === 'row') {
      const beds = h.stations[n % 50]!.bedIds;
      await database.pool.query(
        `INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'confirmed', $9) ON CONFLICT DO NOTHING`,
        [h.hub.id, randomUUID(), station, beds[Math.floor(n / 50) % beds.length], g.personId, g.userId, start, addDays(start, 3), randomUUID().slice(0, 10)],
      );
      return;
    }
    if (how === 'call') {
      await database.pool.query('SELECT * FROM dg_stay_book($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
        h.hub.id,
        station,
        g.personId,
        g.userId,
        start,
        addDays(start, 3),
        randomUUID(),
        randomUUID(),
        new Date().toISOString(),
        g.userId,
      ]);
      return;
    }
    await createStayBooking(
      database.db,
      { hub: h.hub, actor: { userId: g.userId, hubRoles: [] } },
      { stationId: station, checkIn: start, checkOut: addDays(start, 3) },
    );
  };
}

async function benchHub(database: Database): Promise<HubRow> {
  const slug = `bench-stays-${randomUUID().slice(0, 8)}`;
  await createHub(database.db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
  return findHub(database.db, slug);
}

/**
 * The baseline: one INSERT of a randomly chosen bed; a conflict (23P01, or the deadlock two
 * crossing exclusion checks can meet, 40P01) is a refusal, as a booking's would be.
 */
async function rawInsert(database: Database, hubId: string, beds: string[], checkIn: string, checkOut: string): Promise<void> {
  try {
    await database.pool.query('INSERT INTO bench_bed_nights (id, hub_id, bed_id, check_in, check_out) VALUES ($1, $2, $3, $4, $5)', [
      randomUUID(),
      hubId,
      beds[Math.floor(Math.random() * beds.length)],
      checkIn,
      checkOut,
    ]);
  } catch (error) {
    if (sqlState(error) !== '23P01' && sqlState(error) !== '40P01') throw error;
  }
}

/** Operations per second of `op` on `clients` concurrent loops. */
async function perSecond(clients: number, op: () => Promise<void>): Promise<number> {
  return (await withNodeCpu(clients, op)).perSecond;
}

/** Operations per second of `op` on `clients` concurrent loops, and this process's CPU time (user and system) per operation. */
async function withNodeCpu(clients: number, op: () => Promise<void>): Promise<{ perSecond: number; cpuMs: number }> {
  const before = process.cpuUsage();
  const done = await closedLoop(op, clients, SECONDS);
  const used = process.cpuUsage(before);
  return { perSecond: done / SECONDS, cpuMs: (used.user + used.system) / 1000 / done };
}

/** 50 stations x 2,000 beds (x BENCH_SCALE), 90 days of stays; search latency p50/p95. */
async function searchBench(database: Database, today: string): Promise<void> {
  const db = database.db;
  const hub = await benchHub(database);
  const beds = Math.max(10, Math.round(2000 * SCALE));
  const t0 = performance.now();
  await db.execute(sql`
    INSERT INTO stay_stations (hub_id, id, name_zh, name_en, address_zh, address_en, district, opens_on)
    SELECT ${hub.id}, gen_random_uuid(), '驿站' || s, 'Station ' || s, '地址', 'Address', 'Xihu', ${today}::date FROM generate_series(1, 50) s`);
  await db.execute(
    sql`INSERT INTO stay_rooms (hub_id, id, station_id, name) SELECT hub_id, gen_random_uuid(), id, 'Room' FROM stay_stations WHERE hub_id = ${hub.id}`,
  );
  await db.execute(sql`
    INSERT INTO stay_beds (hub_id, id, station_id, room_id, label)
    SELECT r.hub_id, gen_random_uuid(), r.station_id, r.id, 'Bed ' || b FROM stay_rooms r CROSS JOIN generate_series(1, ${beds}) b WHERE r.hub_id = ${hub.id}`);
  // Each bed: a 3-6 night stay starting every 7 days over 90 days, some beds left free.
  await db.execute(sql`
    INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
    SELECT b.hub_id, gen_random_uuid(), b.station_id, b.id, gen_random_uuid(), gen_random_uuid(),
           ${today}::date + w * 7 + (abs(hashtext(b.id::text)) % 2),
           ${today}::date + w * 7 + (abs(hashtext(b.id::text)) % 2) + 3 + (abs(hashtext(b.id::text || w)) % 4),
           'confirmed', md5(b.id::text || w)
    FROM stay_beds b CROSS JOIN generate_series(0, 12) w
    WHERE b.hub_id = ${hub.id} AND abs(hashtext(b.id::text || 'free' || w)) % 10 < 8`);
  await db.execute(sql`ANALYZE stay_bookings`);
  const { rows: count } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stay_bookings WHERE hub_id = ${hub.id}`);
  log(`search data: 50 stations x ${int(beds)} beds, ${int(count[0]!.n)} bookings over 90 days (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const scope = { hub, actor: { userId: null, hubRoles: [] } };
  const [first] = await db.execute<{ id: string }>(sql`SELECT id FROM stay_stations WHERE hub_id = ${hub.id} LIMIT 1`).then((r) => r.rows);
  const rows: string[][] = [];
  const measure = async (name: string, from: (i: number) => string, nights: number, station?: string) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = from(i);
      const t = performance.now();
      await searchStayAvailability(db, scope, { from: start, to: addDays(start, nights), station });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push([name, ms(times[14]!), ms(times[28]!)]);
  };
  await measure('one week, all 50 stations', (i) => addDays(today, i % 80), 6);
  await measure('one week, one station', (i) => addDays(today, i % 80), 6, first!.id);
  await measure('90 days, all 50 stations', () => today, 90);
  process.stdout.write(table(['search', 'p50 ms', 'p95 ms'], rows) + '\n');
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database } from '../server/db/connection.js';
import { sqlState, withTransaction } from '../server/db/transaction.js';
import { searchSpaceAvailability } from '../server/modules/spaces/availability.service.js';
import { createLease } from '../server/modules/spaces/leases.service.js';
import { addMonths } from '../server/modules/spaces/rent-schedule.js';
import { findHub, type HubRow } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { operatorScope, spaceOrgs, spacePark } from '../server/test/space-factories.js';
import { placeBaseline, throughputBeside } from './bench-database.js';
import { beside, closedLoop, int, ms, table, type Throughput } from './support.js';

const SECONDS = Number(process.env.BENCH_SPACES_SECONDS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const log = (line: string) => process.stdout.write(`  ${line}\n`);

/**
 * Leases per second through createLease (nodes and steps checked, rent planned, the claim
 * rows of the unit and the nodes above it written in one INSERT under the exclusion
 * constraint, audit event) against raw INSERTs into a table with the same kind of
 * constraint, in the same run. Under contention: 100 clients on one set of 4 units, each
 * asking for a year that overlaps the others'. Without: 32 clients on their own units.
 * Then availability search over 20 parks x 2,000 units (BENCH_SCALE) x 5 years of leases.
 * With BENCH_CITUS_URL the throughput is measured on that Citus cluster too, printed beside.
 */
export async function runSpacesBench(): Promise<void> {
  await throughputBeside('spaces', leaseThroughput, searchBench);
  log(
    'aim: >= 0.5x the baseline under contention (a lease also checks its nodes and steps, plans its rent, writes its steps, the unit and the nodes above it, and the audit chain)',
  );
}

/** createLease with and without contention, each beside raw INSERTs under the same kind of constraint. */
async function leaseThroughput(database: Database, label: string): Promise<Throughput[]> {
  const db = database.db;
  const hub = await benchHub(database);
  const scope = operatorScope(hub);
  await db.execute(sql`DROP TABLE IF EXISTS bench_unit_claims`);
  await db.execute(sql`CREATE TABLE bench_unit_claims (id uuid NOT NULL, hub_id uuid NOT NULL, node_id uuid NOT NULL, starts_on date NOT NULL, ends_on date NOT NULL, claim int8range NOT NULL,
    PRIMARY KEY (hub_id, id), EXCLUDE USING gist (hub_id WITH =, node_id WITH =, daterange(starts_on, ends_on) WITH &&, claim WITH &&))`);
  await placeBaseline(database, 'bench_unit_claims', 'space_claims');
  const orgs = await spaceOrgs(db, hub, 200);
  const terms = (startsOn: string) => {
    const endsOn = addMonths(startsOn, 12);
    return { startsOn, endsOn, steps: [{ startsOn, endsOn, monthlyRent: '600000' }], noticeDays: 90, staff: null, programId: null };
  };

  // --- contention: 100 clients, one set of 4 units, overlapping years ---------------
  const c = { leased: 0, attempts: 0, seconds: 0, base: 0, baseSeconds: 0 };
  for (let round = 0; round < 3; round++) {
    const park = await spacePark(db, hub, { buildings: 1, floors: 1, units: 4 });
    const t0 = performance.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        withTransaction(db, (tx) =>
          createLease(tx, scope, { organizationId: orgs[i]!, nodeIds: [park.units[i % 4]!], ...terms(addMonths('2027-01-01', i % 6)) }),
        ),
      ),
    );
    c.seconds += (performance.now() - t0) / 1000;
    c.attempts += outcomes.length;
    c.leased += outcomes.filter((o) => o.status === 'fulfilled').length;
    const other = outcomes.find((o) => o.status === 'rejected' && (o.reason as { code?: string }).code !== 'SPACE_NOT_AVAILABLE');
    if (other) throw (other as PromiseRejectedResult).reason;
    const b0 = performance.now();
    await Promise.all(Array.from({ length: 100 }, (_, i) => rawInsert(database, hub.id, park.units[i % 4]!, addMonths('2027-01-01', i % 6))));
    c.baseSeconds += (performance.now() - b0) / 1000;
    c.base += 100;
  }

  // --- no contention: 32 clients, each lease on a unit of its own -------------------
  const parks = await Promise.all(Array.from({ length: 8 }, () => spacePark(db, hub, { buildings: 4, floors: 4, units: 16 })));
  const units = parks.flatMap((p) => p.units);
  let next = 0;
  const uncontended = await perSecond(32, async () => {
    const n = next++;
    await withTransaction(db, (tx) =>
      createLease(tx, scope, {
        organizationId: orgs[n % orgs.length]!,
        nodeIds: [units[n % units.length]!],
        ...terms(addMonths('2027-01-01', 12 * Math.floor(n / units.length))),
      }),
    );
  });
  const own = Array.from({ length: 5000 }, () => randomUUID());
  let k = 0;
  const uncontendedBase = await perSecond(32, async () => {
    const n = k++;
    await rawInsert(database, hub.id, own[n % own.length]!, addMonths('2027-01-01', 12 * Math.floor(n / own.length)));
  });
  log(
    `${label}: ${c.leased} leased of ${c.attempts} attempts under contention (3 rounds of 100 on 4 units, one-year leases starting over six months), the rest SPACE_NOT_AVAILABLE`,
  );
  return [
    beside('createLease, 100 clients, 4 units', c.attempts / c.seconds, c.base / c.baseSeconds),
    beside('createLease, 32 clients, no contention', uncontended, uncontendedBase),
  ];
}

async function benchHub(database: Database): Promise<HubRow> {
  const slug = `bench-spaces-${randomUUID().slice(0, 8)}`;
  await createHub(database.db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
  return findHub(database.db, slug);
}

/** The baseline: one INSERT of a unit's whole claim for a year; a clash (23P01, 40P01) is a refusal. */
async function rawInsert(database: Database, hubId: string, nodeId: string, startsOn: string): Promise<void> {
  try {
    await database.pool.query("INSERT INTO bench_unit_claims (id, hub_id, node_id, starts_on, ends_on, claim) VALUES ($1, $2, $3, $4, $5, '(,)')", [
      randomUUID(),
      hubId,
      nodeId,
      startsOn,
      addMonths(startsOn, 12),
    ]);
  } catch (error) {
    if (sqlState(error) !== '23P01' && sqlState(error) !== '40P01') throw error;
  }
}

async function perSecond(clients: number, op: () => Promise<void>): Promise<number> {
  return (await closedLoop(op, clients, SECONDS)) / SECONDS;
}

/** 20 parks x 2,000 units (x BENCH_SCALE) with 5 years of one-year leases on most units; search p50/p95. */
async function searchBench(database: Database): Promise<void> {
  const db = database.db;
  const hub = await benchHub(database);
  const perPark = Math.max(16, Math.round(2000 * SCALE));
  const t0 = performance.now();
  // Each park: 4 buildings x 10 floors, its units spread over the floors.
  await db.execute(sql`
    WITH parks AS (SELECT gen_random_uuid() AS id, p FROM generate_series(1, 20) p),
    ins_parks AS (INSERT INTO space_nodes (hub_id, id, park_id, kind, code, name_zh, name_en) SELECT ${hub.id}, id, id, 'park', 'P' || p, '园区' || p, 'Park ' || p FROM parks RETURNING id, code),
    buildings AS (SELECT gen_random_uuid() AS id, p.id AS park, p.code || '-B' || b AS code FROM ins_parks p CROSS JOIN generate_series(1, 4) b),
    ins_b AS (INSERT INTO space_nodes (hub_id, id, parent_id, park_id, ancestors, kind, code, name_zh, name_en) SELECT ${hub.id}, id, park, park, ARRAY[park], 'building', code, code, code FROM buildings RETURNING id),
    floors AS (SELECT gen_random_uuid() AS id, b.id AS building, b.park, b.code || '-F' || f AS code FROM buildings b CROSS JOIN generate_series(1, 10) f)
    INSERT INTO space_nodes (hub_id, id, parent_id, park_id, ancestors, kind, code, name_zh, name_en) SELECT ${hub.id}, id, building, park, ARRAY[park, building], 'floor', code, code, code FROM floors`);
  await db.execute(sql`
    INSERT INTO space_nodes (hub_id, id, parent_id, park_id, ancestors, kind, unit_kind, code, name_zh, name_en, area_m2, seats, list_rent, features)
    SELECT f.hub_id, gen_random_uuid(), f.id, f.park_id, f.ancestors || f.id, 'unit', 'office', f.code || '-U' || u, 'U' || u, 'U' || u,
           40 + (u % 10) * 20, 4 + u % 10, 5000 + (u % 5) * 500, CASE WHEN u % 3 = 0 THEN '{fibre}'::text[] ELSE '{}'::text[] END
    FROM space_nodes f CROSS JOIN generate_series(1, ${Math.ceil(perPark / 40)}) u
    WHERE f.hub_id = ${hub.id} AND f.kind = 'floor'`);
  // Five years of one-year leases on 85% of units, as whole claims (and the claims above them).
  await db.execute(sql`
    INSERT INTO space_claims (hub_id, id, holder_kind, holder_id, organization_id, node_id, whole, claim, starts_on, ends_on)
    SELECT u.hub_id, gen_random_uuid(), 'lease', gen_random_uuid(), gen_random_uuid(), u.id, true, int8range(NULL, NULL),
           DATE '2027-01-01' + y * 365 + (abs(hashtext(u.id::text)) % 60), DATE '2027-01-01' + (y + 1) * 365 + (abs(hashtext(u.id::text)) % 60) - 30
    FROM space_nodes u CROSS JOIN generate_series(0, 4) y
    WHERE u.hub_id = ${hub.id} AND u.kind = 'unit' AND abs(hashtext(u.id::text || y)) % 100 < 85`);
  await db.execute(sql`ANALYZE space_nodes`);
  await db.execute(sql`ANALYZE space_claims`);
  const { rows: count } = await db.execute<{ units: number; claims: number }>(sql`
    SELECT (SELECT count(*)::int FROM space_nodes WHERE hub_id = ${hub.id} AND kind = 'unit') AS units, (SELECT count(*)::int FROM space_claims WHERE hub_id = ${hub.id}) AS claims`);
  log(
    `search data: 20 parks, ${int(count[0]!.units)} units, ${int(count[0]!.claims)} lease claims over 5 years (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const scope = { hub, actor: { userId: randomUUID(), hubRoles: ['hub_admin' as const] } };
  const [park] = await db.execute<{ id: string }>(sql`SELECT id FROM space_nodes WHERE hub_id = ${hub.id} AND kind = 'park' LIMIT 1`).then((r) => r.rows);
  const rows: string[][] = [];
  const measure = async (name: string, q: (i: number) => { from: string; to: string; parkId?: string; minAreaM2?: number; feature?: string }) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await searchSpaceAvailability(db, scope, q(i));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push([name, ms(times[14]!), ms(times[28]!)]);
  };
  await measure('one month, all parks', (i) => ({ from: addMonths('2027-01-01', i), to: addMonths('2027-02-01', i) }));
  await measure('one year, one park, >= 100 m²', (i) => ({
    from: addMonths('2027-01-01', i),
    to: addMonths('2028-01-01', i),
    parkId: park!.id,
    minAreaM2: 100,
  }));
  await measure('five years, all parks, fibre', () => ({ from: '2027-01-01', to: '2032-01-01', feature: 'fibre' }));
  process.stdout.write(table(['search', 'p50 ms', 'p95 ms'], rows) + '\n');
}

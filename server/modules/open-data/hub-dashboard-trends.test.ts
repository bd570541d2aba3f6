import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { computeWorld } from '../../test/compute-factories.js';
import { spaceOrgs, spacePark } from '../../test/space-factories.js';
import { graduates, stayStation } from '../../test/stay-factories.js';
import { computeUsageTrend } from '../compute/index.js';
import { spaceAreaTrend } from '../spaces/index.js';
import { stayOccupancyTrend } from '../stays/index.js';

// The dashboard's trends over January to March 2026, each figure worked out by hand below.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('the hub dashboard trends, month by month from the modules’ dated records', () => {
  it('stays: bed-nights booked of those the open stations offered, blackouts and cancelled stays left out', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    // Two beds, open from 15 January to 10 March (the last night is 9 March), no guests 1-3 February.
    const station = await stayStation(db, hub, 2);
    await db.execute(sql`UPDATE stay_stations SET opens_on = '2026-01-15', closes_on = '2026-03-10' WHERE hub_id = ${hub.id} AND id = ${station.id}`);
    await db.execute(sql`
      INSERT INTO stay_blackouts (hub_id, id, station_id, starts_on, ends_on, reason) VALUES (${hub.id}, ${uuidv7()}, ${station.id}, '2026-02-01', '2026-02-04', 'repairs')`);
    const [a, b] = await graduates(db, hub, 2);
    const book = (g: typeof a, bed: string, checkIn: string, checkOut: string, status: string) =>
      db.execute(sql`
        INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
        VALUES (${hub.id}, ${uuidv7()}, ${station.id}, ${bed}, ${g!.personId}, ${g!.userId}, ${checkIn}, ${checkOut}, ${status}, ${`T${uuidv7().slice(-8)}`})`);
    await book(a, station.bedIds[0]!, '2026-01-28', '2026-02-01', 'checked_out'); // 28-31 January: 4 nights
    await book(b, station.bedIds[1]!, '2026-02-26', '2026-03-03', 'confirmed'); // 26-28 February: 3, 1-2 March: 2
    await book(a, station.bedIds[0]!, '2026-03-04', '2026-03-06', 'cancelled'); // not slept
    expect(await stayOccupancyTrend(db, hub.id, '2026-01-01', '2026-04-01')).toEqual([
      { month: '2026-01', nightsBooked: 4, nightsAvailable: 17 * 2 }, // 15-31 January
      { month: '2026-02', nightsBooked: 3, nightsAvailable: (28 - 3) * 2 },
      { month: '2026-03', nightsBooked: 2, nightsAvailable: 9 * 2 }, // 1-9 March
    ]);
  });

  it('space: m² leased and held averaged over each month’s days, and the list rent the held space forwent', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    // Units of 100 m² at CNY 60 (6,000 fen) a m² a month.
    const park = await spacePark(db, hub, { buildings: 1, floors: 1, units: 3 });
    const second = await spacePark(db, hub, { buildings: 1, floors: 1, units: 2 });
    const [org] = await spaceOrgs(db, hub, 1);
    const claim = (kind: string, node: string, startsOn: string, endsOn: string, active = true) =>
      db.execute(sql`
        INSERT INTO space_claims (hub_id, id, holder_kind, holder_id, organization_id, node_id, whole, claim, starts_on, ends_on, active)
        VALUES (${hub.id}, ${uuidv7()}, ${kind}, ${uuidv7()}, ${org!}, ${node}, true, int8range(NULL, NULL), ${startsOn}, ${endsOn}, ${active})`);
    await claim('lease', park.units[0]!, '2026-01-01', '2026-03-01'); // 100 m² all of January and February
    await claim('hold', park.units[1]!, '2026-02-15', '2026-03-15'); // 100 m²: 14 of February's 28 days, 14 of March's 31
    await claim('hold', park.units[2]!, '2026-01-01', '2026-04-01', false); // released before it began: nothing
    await claim('hold', second.buildings[0]!.id, '2026-03-01', '2026-03-02'); // a building of 2 units (200 m²) for one day
    const months = await spaceAreaTrend(db, hub.id, '2026-01-01', '2026-04-01');
    expect(months).toEqual([
      { month: '2026-01', leasedM2: 100, heldM2: 0, heldVacantCost: 0n },
      // 100 m² x 6,000 fen x 14/28
      { month: '2026-02', leasedM2: 100, heldM2: 50, heldVacantCost: 300_000n },
      // 100 x 14/31 + 200 x 1/31 = 51.61 m²; floor(600,000 x 14/31 + 1,200,000 x 1/31) = floor(309,677.4)
      { month: '2026-03', leasedM2: 0, heldM2: 51.61, heldVacantCost: 309_677n },
    ]);
  });

  it('compute: GPU hours metered (in the hub’s months, a correction replacing what it corrects, refusals left out) against quotas spread over their periods', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    // A quota of 36,500 GPU hours over 2026: 100 a day.
    const world = await computeWorld(db, hub, {
      quota: { concurrentGpus: 8, borrowingLimit: 0, gpuHours: 36_500, periodStart: '2026-01-01', periodEnd: '2027-01-01' },
    });
    const orgId = world.startups[0]!.orgId;
    const flavorId = world.flavors[0]!.id;
    const usage = async (hours: number, startedAt: string, endedAt: string, outcome = 'applied', correctsId: string | null = null) => {
      const id = uuidv7();
      await db.execute(sql`
        INSERT INTO compute_usage (hub_id, id, provider_id, record_id, request_id, organization_id, flavor_id, gpu_hours, started_at, ended_at, cost, outcome, corrects_id)
        VALUES (${hub.id}, ${id}, ${world.provider.id}, ${id}, ${uuidv7()}, ${orgId}, ${flavorId}, ${hours}, ${startedAt}, ${endedAt}, 0, ${outcome}, ${correctsId})`);
      return id;
    };
    // 23:00 on 31 January to 01:00 on 1 February in Hangzhou (UTC+8): half in each month.
    await usage(10, '2026-01-31T15:00:00Z', '2026-01-31T17:00:00Z');
    // 8 hours reported, then corrected to 6.
    const wrong = await usage(8, '2026-02-10T02:00:00Z', '2026-02-10T04:00:00Z');
    await usage(6, '2026-02-10T02:00:00Z', '2026-02-10T04:00:00Z', 'applied', wrong);
    await usage(100, '2026-03-05T02:00:00Z', '2026-03-05T04:00:00Z', 'refused');
    expect(await computeUsageTrend(db, hub.id, hub.timeZone, '2026-01-01', '2026-04-01')).toEqual([
      { month: '2026-01', usedGpuHours: 5, quotaGpuHours: 3100 },
      { month: '2026-02', usedGpuHours: 11, quotaGpuHours: 2800 },
      { month: '2026-03', usedGpuHours: 0, quotaGpuHours: 3100 },
    ]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPUTE_LIMITS } from '../../../contracts/compute.js';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { computeWorld, flavor, inHours, type ComputeWorld } from '../../test/compute-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { localToday } from '../../platform/hub-time.js';
import { getComputeDashboard } from './dashboard.service.js';
import { getFairShare } from './fair-share.service.js';
import { ensureSlots } from './pools.service.js';
import { submitComputeRequest } from './requests.service.js';
import { HALF_LIFE_HOURS } from './snapshot.service.js';
import { computeUsageSummary } from './usage-summary.js';
import { reportComputeUsage } from './usage.service.js';

/**
 * A pool's capacity rows: a maintenance window is written in full when the pool is made,
 * so its length (90 days) and how far ahead it ends (a year) are bounded; hours without
 * a row (an idle pool, long after the last admission round) read as the flavor's GPUs in
 * service, as a round would write them, on every page that shows capacity.
 */
let ctx: TestContext;
let hub: HubRow;
let operator: TestUser;
let world: ComputeWorld;

beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  operator = await createTestUser(ctx, { hub, roles: ['compute_operator'] });
  world = await computeWorld(ctx.database.db, hub, { people: { operator: { userId: operator.id, hubRoles: ['compute_operator'] } } });
});

const HOUR = 3_600_000;
const hourNow = Math.floor(Date.now() / HOUR);
const at = (hour: number) => new Date(hour * HOUR);
const count = async (table: 'compute_pools' | 'compute_slots', h: HubRow = hub) =>
  (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE hub_id = ${h.id}`)).rows[0]!.n;

describe('maintenance windows', () => {
  const pool = (from: string, to: string, lang = 'en-US') =>
    ctx.app.inject(
      as(operator, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/compute/pools`,
        headers: { 'accept-language': lang },
        payload: {
          providerId: world.provider.id,
          name: { zh: '维护池', en: 'Maintenance pool' },
          region: 'Hangzhou',
          flavors: [flavor({ code: 'a800', model: 'A800' })],
          maintenance: [{ flavorCode: 'a800', from, to, gpusOut: 8 }],
        },
      }),
    );

  it(`a window longer than ${COMPUTE_LIMITS.maintenanceDays} days is a 400 under its end, in both languages, and nothing is made`, async () => {
    const before = [await count('compute_pools'), await count('compute_slots')];
    const tenYears = await pool(inHours(24), inHours(24 + 10 * 365 * 24), 'zh-CN');
    expect(tenYears.statusCode, tenYears.body).toBe(400);
    expect(tenYears.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'maintenance.0.to',
        code: 'TOO_BIG',
        detail: 'at most 90 days after from',
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      }),
    ]);
    const oneHourTooLong = await pool(inHours(24), inHours(24 + 90 * 24 + 1));
    expect([oneHourTooLong.statusCode, oneHourTooLong.json().error.fields[0]]).toEqual([
      400,
      expect.objectContaining({ code: 'TOO_BIG', message: 'Too large.' }),
    ]);
    expect([await count('compute_pools'), await count('compute_slots')]).toEqual(before);
  });

  it(`a window ending more than ${COMPUTE_LIMITS.maintenanceAheadDays} days from now is a 400 under its end, in both languages, and nothing is made`, async () => {
    const before = [await count('compute_pools'), await count('compute_slots')];
    const days = COMPUTE_LIMITS.maintenanceAheadDays;
    // One hour long, a year and a day ahead: short enough, but too far.
    const tooFar = await pool(inHours(24 * (days + 1) - 1), inHours(24 * (days + 1)), 'zh-CN');
    expect(tooFar.statusCode, tooFar.body).toBe(400);
    expect(tooFar.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'maintenance.0.to',
        code: 'TOO_BIG',
        detail: `at most ${days} days from now`,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      }),
    ]);
    const en = await pool(inHours(24 * (days + 1) - 1), inHours(24 * (days + 1)));
    expect([en.statusCode, en.json().error.fields[0]]).toEqual([400, expect.objectContaining({ code: 'TOO_BIG', message: 'Too large.' })]);
    expect([await count('compute_pools'), await count('compute_slots')]).toEqual(before);
    // Ending on the hour a year ahead (never after now plus a year) is made.
    const lastDay = await pool(inHours(24 * (days - 1)), inHours(24 * days));
    expect(lastDay.statusCode, lastDay.body).toBe(201);
  });

  it('a window of 90 days is made, its 2,160 hours lowered', async () => {
    const res = await pool(inHours(24), inHours(24 + 90 * 24));
    expect(res.statusCode, res.body).toBe(201);
    const { rows } = await ctx.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM compute_slots WHERE hub_id = ${hub.id} AND flavor_id = ${res.json().flavors[0].id} AND capacity = 0`);
    expect(rows[0]!.n).toBe(90 * 24);
  });
});

describe('the fair-share read of an idle pool', () => {
  it('20 days after the last round it shows the real capacity (maintenance included), as a round would see it, and writes no capacity row', async () => {
    const h = await createTestHub(ctx);
    const later = hourNow + 20 * 24; // the rows made with the pool and its last round end 15 days on
    const w = await computeWorld(ctx.database.db, h, {
      maintenance: [{ flavorCode: 'h20', from: at(later + 48).toISOString(), to: at(later + 72).toISOString(), gpusOut: 8 }],
    });
    const scope = { hub: h, actor: w.operator };
    const founder = { hub: h, actor: w.startups[0]!.founder };
    // One job of 2 GPU-hours, run now and metered when it ends: the company's history.
    const job = await withTransaction(ctx.database.db, (tx) =>
      submitComputeRequest(
        tx,
        founder,
        { organizationId: w.startups[0]!.orgId, flavor: w.flavors[0]!.id, gpus: 1, hours: 2, deadline: at(hourNow + 48).toISOString(), priority: 'normal' },
        at(hourNow),
      ),
    );
    await withTransaction(ctx.database.db, (tx) =>
      reportComputeUsage(
        tx,
        scope,
        {
          providerId: w.provider.id,
          records: [
            {
              recordId: `fs-${job.id}`,
              requestId: job.id,
              flavorId: w.flavors[0]!.id,
              gpuHours: '2',
              startedAt: job.startAt!.toISOString(),
              endedAt: job.endAt!.toISOString(),
              cost: '4000',
              corrects: null,
            },
          ],
        },
        { via: 'api' },
        job.endAt!,
      ),
    );
    const rows = await count('compute_slots', h);
    const read = await getFairShare(ctx.database.db, scope, at(later));
    expect(await count('compute_slots', h)).toBe(rows); // a read writes nothing
    // The capacity of the 14 days ahead: 8 GPUs every hour but the window's 24 (all out).
    const capacity = 8 * (COMPUTE_LIMITS.horizonHours - 24);
    const history = 2 * Math.pow(2, -(later - (hourNow + 2)) / HALF_LIFE_HOURS);
    expect(read.items).toHaveLength(1);
    expect(read.items[0]!.dominantShare).toBeCloseTo(history / capacity, 9);
    // A round at that hour would make the missing rows first: the read saw the same.
    await withTransaction(ctx.database.db, (tx) => ensureSlots(tx, h.id, later, later + COMPUTE_LIMITS.horizonHours));
    expect(await count('compute_slots', h)).toBeGreaterThan(rows);
    expect(await getFairShare(ctx.database.db, scope, at(later))).toEqual(read);
  });
});

describe('the dashboards of an idle pool', () => {
  // Hubs' days: [day, day + n) of the hub's calendar.
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 24 * HOUR).toISOString().slice(0, 10);
  const sum = (rows: { capacityGpuHours: number; reservedGpuHours: number }[]) =>
    rows.reduce((s, u) => [s[0]! + u.capacityGpuHours, s[1]! + u.reservedGpuHours], [0, 0]);

  it('50 days after the pool was made they show its GPUs every hour (maintenance out), as after a round, and write no capacity row', async () => {
    const h = await createTestHub(ctx);
    const later = hourNow + 50 * 24; // the rows made with the pool end 15 days on: none from 20 days before `later`
    const w = await computeWorld(ctx.database.db, h, {
      maintenance: [{ flavorCode: 'h20', from: at(later + 48).toISOString(), to: at(later + 72).toISOString(), gpusOut: 8 }],
    });
    const staff = { hub: h, actor: w.operator };
    const today = localToday(h.timeZone, at(later));
    const read = async () => ({
      // The compute page: 30 days back to 14 ahead of `later` (1,056 hours), per flavor per day.
      utilisation: sum((await getComputeDashboard(ctx.database.db, staff, {}, at(later))).utilisation),
      // The hub dashboard's figure: the 4 days from `later`'s (96 hours, the window's 24 among them).
      summary: await computeUsageSummary(ctx.database.db, h.id, h.timeZone, today, addDays(today, 4)),
    });
    const rows = await count('compute_slots', h);
    const before = await read();
    expect(await count('compute_slots', h)).toBe(rows); // a read writes nothing
    expect(before).toEqual({
      utilisation: [8 * (44 * 24 - 24), 0],
      summary: { capacityGpuHours: 8 * (96 - 24), reservedGpuHours: 0 },
    });
    // A round at that hour makes the missing rows and reserves 2 GPU-hours: the capacity read is the same.
    const founder = { hub: h, actor: w.startups[0]!.founder };
    const job = await withTransaction(ctx.database.db, (tx) =>
      submitComputeRequest(
        tx,
        founder,
        { organizationId: w.startups[0]!.orgId, flavor: w.flavors[0]!.id, gpus: 1, hours: 2, deadline: at(later + 24).toISOString(), priority: 'normal' },
        at(later),
      ),
    );
    expect([job.status, job.startAt]).toEqual(['admitted', at(later)]);
    expect(await count('compute_slots', h)).toBeGreaterThan(rows);
    expect(await read()).toEqual({
      utilisation: [8 * (44 * 24 - 24), 2],
      summary: { capacityGpuHours: 8 * (96 - 24), reservedGpuHours: 2 },
    });
  });
});

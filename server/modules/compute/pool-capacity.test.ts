import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPUTE_LIMITS } from '../../../contracts/compute.js';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { computeWorld, flavor, inHours, type ComputeWorld } from '../../test/compute-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { getFairShare } from './fair-share.service.js';
import { ensureSlots } from './pools.service.js';
import { submitComputeRequest } from './requests.service.js';
import { HALF_LIFE_HOURS } from './snapshot.service.js';
import { reportComputeUsage } from './usage.service.js';

/**
 * A pool's capacity rows: a maintenance window is written in full when the pool is made,
 * so its length is bounded (90 days); hours without a row (an idle pool, long after the
 * last admission round) read as the flavor's GPUs in service, as a round would write them.
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
    // One job of 2 GPU-hours, run and metered now: the company's history.
    const job = await withTransaction(ctx.database.db, (tx) =>
      submitComputeRequest(
        tx,
        founder,
        { organizationId: w.startups[0]!.orgId, flavor: w.flavors[0]!.id, gpus: 1, hours: 2, deadline: at(hourNow + 48).toISOString(), priority: 'normal' },
        at(hourNow),
      ),
    );
    await withTransaction(ctx.database.db, (tx) =>
      reportComputeUsage(tx, scope, {
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
      }),
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

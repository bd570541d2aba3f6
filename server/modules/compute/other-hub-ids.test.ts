import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorld, flavor, inHours, type ComputeWorld } from '../../test/compute-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { openWindow } from '../../test/test-window.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

// Another hub's organisations, flavors and awards are unknown here, to the compute
// operator too: named in a filter, a request or a staff body, they answer 404 (under the
// field that names them), never an empty page or a refusal telling they exist, and
// nothing is written.

let ctx: TestContext;
let hub: HubRow;
let operator: TestUser;
let world: ComputeWorld;
let other: ComputeWorld;

beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  operator = await createTestUser(ctx, { hub, roles: ['compute_operator'] });
  const people = { operator: { userId: operator.id, hubRoles: ['compute_operator' as const] } };
  world = await computeWorld(ctx.database.db, hub, { flavors: [flavor()], startups: 2, voucher: { contract: '100000000' }, people });
  other = await computeWorld(ctx.database.db, await createTestHub(ctx), { flavors: [flavor()], voucher: { contract: '100000000' } });
});

const url = (path: string) => `/api/hubs/${hub.slug}/compute${path}`;
const call = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => ctx.app.inject(as(operator, { method, url: url(path), payload }));
const errorOf = (res: { statusCode: number; json: () => { error?: { code: string; fields?: { path: string; code: string }[] } } }) => [
  res.statusCode,
  res.json().error?.code,
  (res.json().error?.fields ?? []).map((f) => `${f.path}:${f.code}`),
];
const rows = async () =>
  (
    await ctx.database.db.execute(sql`SELECT
      (SELECT count(*)::int FROM compute_requests WHERE hub_id = ${hub.id}) AS requests,
      (SELECT count(*)::int FROM compute_pools WHERE hub_id = ${hub.id}) AS pools,
      (SELECT count(*)::int FROM compute_queues WHERE hub_id = ${hub.id}) AS queues,
      (SELECT count(*)::int FROM compute_quotas WHERE hub_id = ${hub.id}) AS quotas,
      (SELECT count(*)::int FROM compute_vouchers WHERE hub_id = ${hub.id}) AS vouchers,
      (SELECT count(*)::int FROM compute_usage WHERE hub_id = ${hub.id}) AS usage`)
  ).rows[0];
const quota = (over: object = {}) => ({
  organizationId: world.startups[0]!.orgId,
  flavorId: world.flavors[0]!.id,
  periodStart: openWindow().opensOn,
  periodEnd: openWindow().closesOn,
  gpuHours: 1000,
  concurrentGpus: 4,
  ...over,
});

describe("another hub's ids in compute", () => {
  it('the operator filtering the queue, usage or dashboard by another hub’s company gets 404; by this hub’s, 200', async () => {
    const foreign = other.startups[0]!.orgId;
    for (const path of ['/queue', '/usage', '/dashboard']) {
      expect(errorOf(await call('GET', `${path}?organizationId=${foreign}`)), path).toEqual([404, 'NOT_FOUND', ['organizationId:NOT_IN_HUB']]);
      expect((await call('GET', `${path}?organizationId=${world.startups[0]!.orgId}`)).statusCode, path).toBe(200);
    }
  });

  it('the operator submitting for another hub’s company gets 404, not a quota refusal, and nothing is written', async () => {
    const before = await rows();
    const res = await call('POST', '/requests', {
      organizationId: other.startups[0]!.orgId,
      flavor: world.flavors[0]!.id,
      gpus: 1,
      hours: 1,
      deadline: inHours(48),
    });
    expect(errorOf(res)).toEqual([404, 'NOT_FOUND', ['organizationId:NOT_IN_HUB']]);
    expect(await rows()).toEqual(before);
  });

  it('a pool for another hub’s provider is 404 under providerId; nothing is written', async () => {
    const before = await rows();
    const res = await call('POST', '/pools', { providerId: other.provider.id, name: { zh: 'x', en: 'x' }, region: 'x', flavors: [flavor()], maintenance: [] });
    expect(errorOf(res)).toEqual([404, 'NOT_FOUND', ['providerId:NOT_IN_HUB']]);
    expect(await rows()).toEqual(before);
  });

  it('a quota naming another hub’s company, flavor or award is 404 under that field; nothing is written', async () => {
    const before = await rows();
    expect(errorOf(await call('PUT', '/quotas', quota({ organizationId: other.startups[0]!.orgId })))).toEqual([
      404,
      'NOT_FOUND',
      ['organizationId:NOT_IN_HUB'],
    ]);
    expect(errorOf(await call('PUT', '/quotas', quota({ flavorId: other.flavors[0]!.id })))).toEqual([404, 'NOT_FOUND', ['flavorId:NOT_IN_HUB']]);
    expect(errorOf(await call('PUT', '/quotas', quota({ awardId: other.startups[0]!.awardId })))).toEqual([404, 'NOT_FOUND', ['awardId:NOT_IN_HUB']]);
    expect(await rows()).toEqual(before);
  });

  it('an award of this hub that funds another company is still invalid for this one (400 under awardId); its own award sets the quota', async () => {
    const before = await rows();
    expect(errorOf(await call('PUT', '/quotas', quota({ awardId: world.startups[1]!.awardId })))).toEqual([400, 'VALIDATION_FAILED', ['awardId:INVALID']]);
    expect(await rows()).toEqual(before);
    const own = await call('PUT', '/quotas', quota({ awardId: world.startups[0]!.awardId }));
    expect(own.statusCode, own.body).toBe(200);
  });

  it('usage reported by the operator for another hub’s provider is 404 under providerId', async () => {
    const before = await rows();
    const record = {
      recordId: `x-${randomUUID()}`,
      requestId: randomUUID(),
      flavorId: world.flavors[0]!.id,
      gpuHours: '1',
      startedAt: inHours(-2),
      endedAt: inHours(-1),
      cost: '1',
    };
    expect(errorOf(await call('POST', '/usage', { providerId: other.provider.id, records: [record] }))).toEqual([404, 'NOT_FOUND', ['providerId:NOT_IN_HUB']]);
    expect(await rows()).toEqual(before);
  });
});

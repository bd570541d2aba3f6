import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorld, flavor, inHours, type ComputeWorld } from '../../test/compute-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

// A request too big for its quota or its deadline is refused with each problem under the
// field at fault, in the reader's language (the audit's 64 GPUs on a quota of 32 at once,
// with too few hours before the deadline, read "too small" under the deadline alone).

let ctx: TestContext;
let hub: HubRow;
let founder: TestUser;
let world: ComputeWorld;

beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  founder = await createTestUser(ctx);
  world = await computeWorld(ctx.database.db, hub, {
    flavors: [flavor({ gpus: 64 }), flavor({ code: 'ascend', model: 'Ascend 910B', vendor: 'huawei', domestic: true, gpus: 8 })],
    quota: { concurrentGpus: 24, borrowingLimit: 8, gpuHours: 1000 },
    people: { founders: [{ userId: founder.id, hubRoles: [] }] },
  });
});

const submit = (body: object, lang: 'zh-CN' | 'en-US' = 'en-US') =>
  ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/compute/requests`, payload: body, headers: { 'accept-language': lang } }));
const ask = (over: object = {}) => ({
  organizationId: world.startups[0]!.orgId,
  flavor: world.flavors[0]!.id,
  gpus: 2,
  hours: 3,
  deadline: inHours(48),
  ...over,
});
type Field = { path: string; code: string; message: string; detail?: string };
const fields = (body: { error: { fields?: Field[] } }) => [...(body.error.fields ?? [])].sort((a, b) => a.path.localeCompare(b.path));

describe('a compute request refused names what is wrong, under its field', () => {
  it.each([
    ['zh-CN', 'GPU 数量超过了配额允许的同时可用 GPU 数。', '最迟完成时间太早：从开始到截止的小时数少于任务所需的时长。'],
    [
      'en-US',
      'More GPUs at once than the company’s quota allows on this GPU type.',
      'Too soon: there are fewer hours between the start and this time than the job needs.',
    ],
  ] as const)('more GPUs than the quota’s ceiling (24 + 8 borrowed) and too few hours before the deadline: both fields (%s)', async (lang, gpus, soon) => {
    const res = await submit(ask({ gpus: 64, hours: 336, deadline: inHours(48) }), lang);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('QUOTA_EXCEEDED');
    expect(fields(res.json())).toEqual([
      { path: 'deadline', code: 'DEADLINE_TOO_SOON', message: soon, detail: 'needs at least 336 hours after the start' },
      { path: 'gpus', code: 'GPUS_OVER_QUOTA', message: gpus, detail: 'at most 32 GPUs at once' },
    ]);
  });

  it('GPUs within the ceiling, counting what may be borrowed, pass that check', async () => {
    const res = await submit(ask({ gpus: 32, hours: 1 }));
    expect(res.json().error?.fields ?? []).not.toContainEqual(expect.objectContaining({ path: 'gpus' }));
  });

  it('a deadline too early alone is DEADLINE_PASSED under the deadline', async () => {
    const res = await submit(ask({ hours: 10, deadline: inHours(5) }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DEADLINE_PASSED');
    expect(fields(res.json())).toEqual([
      expect.objectContaining({ path: 'deadline', code: 'DEADLINE_TOO_SOON', detail: 'needs at least 10 hours after the start' }),
    ]);
  });

  it('more GPU-hours than the quota has left is under the hours', async () => {
    const res = await submit(ask({ gpus: 32, hours: 40, deadline: inHours(200) }), 'zh-CN');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('QUOTA_EXCEEDED');
    expect(fields(res.json())).toEqual([{ path: 'hours', code: 'GPU_HOURS_OVER_QUOTA', message: 'GPU 数量 × 时长超过了配额剩余的 GPU 小时。' }]);
  });

  it('a flavor the company holds no quota on is under the flavor', async () => {
    const res = await submit(ask({ flavor: world.flavors[1]!.id }));
    expect(res.json().error.code).toBe('QUOTA_EXCEEDED');
    expect(fields(res.json())).toEqual([expect.objectContaining({ path: 'flavor', code: 'INVALID' })]);
    const domestic = await submit(ask({ flavor: 'any_domestic' }));
    expect(fields(domestic.json())).toEqual([expect.objectContaining({ path: 'flavor', code: 'INVALID' })]);
  });
});

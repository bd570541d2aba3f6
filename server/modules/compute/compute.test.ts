import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../contracts/compute.js';
import { withTransaction } from '../../db/transaction.js';
import { computeWorld, finishedRequest, flavor, inHours, type ComputeWorld } from '../../test/compute-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { otherHub } from '../../test/review-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { getComputeDashboard } from './dashboard.service.js';
import { cancelComputeRequest, submitComputeRequest } from './requests.service.js';

let ctx: TestContext;
let hub: HubRow;
let operator: TestUser;
let provider: TestUser;
let founder: TestUser;
let stranger: TestUser;
let world: ComputeWorld;

beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  operator = await createTestUser(ctx, { hub, roles: ['compute_operator'] });
  provider = await createTestUser(ctx);
  founder = await createTestUser(ctx);
  stranger = await createTestUser(ctx);
  world = await computeWorld(ctx.database.db, hub, {
    flavors: [flavor({ gpus: 8 }), flavor({ code: 'ascend', model: 'Ascend 910B', vendor: 'huawei', domestic: true, gpus: 8, pricePerGpuHour: '1500' })],
    voucher: { contract: '100000000', chips: 'domestic' },
    people: {
      operator: { userId: operator.id, hubRoles: ['compute_operator'] },
      provider: { userId: provider.id, hubRoles: [] },
      founders: [{ userId: founder.id, hubRoles: [] }],
    },
  });
});

const url = (path: string) => `/api/hubs/${hub.slug}/compute${path}`;
const submit = (user: TestUser | null, body: object, lang = 'en-US', key?: string) =>
  ctx.app.inject(
    as(user, { method: 'POST', url: url('/requests'), payload: body, headers: { 'accept-language': lang, ...(key ? { 'idempotency-key': key } : {}) } }),
  );
const ask = (over: object = {}) => ({
  organizationId: world.startups[0]!.orgId,
  flavor: world.flavors[0]!.id,
  gpus: 2,
  hours: 3,
  deadline: inHours(48),
  ...over,
});

describe('compute over HTTP', () => {
  it('the operator adds a pool; anyone signed in lists its flavors with the provider’s name, page by page', async () => {
    const res = await ctx.app.inject(
      as(operator, {
        method: 'POST',
        url: url('/pools'),
        payload: {
          providerId: world.provider.id,
          name: { zh: '城市算力中心', en: 'City centre' },
          region: 'Hangzhou',
          flavors: [flavor({ code: 'a800', model: 'A800' })],
          maintenance: [{ flavorCode: 'a800', from: inHours(2), to: inHours(4), gpusOut: 8 }],
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().flavors[0]).toMatchObject({ model: 'A800', gpus: 8, provider: { id: world.provider.id } });
    const first = await ctx.app.inject(as(stranger, { method: 'GET', url: url('/flavors?limit=2') }));
    expect(first.json().items).toHaveLength(2);
    const second = await ctx.app.inject(as(stranger, { method: 'GET', url: url(`/flavors?limit=2&next=${first.json().next}`) }));
    expect(second.json()).toMatchObject({ next: null });
    expect(second.json().items).toHaveLength(1);
    expect(
      (
        await ctx.app.inject(
          as(founder, {
            method: 'POST',
            url: url('/pools'),
            payload: { providerId: world.provider.id, name: { zh: 'x', en: 'x' }, region: 'x', flavors: [flavor()] },
          }),
        )
      ).statusCode,
    ).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: url('/flavors') })).statusCode).toBe(401);
  });

  it('a startup’s request is admitted at once with its voucher’s share held; a replay with the same key is the same request', async () => {
    const key = randomUUID();
    const res = await submit(founder, ask(), 'en-US', key);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'running', gpus: 2, hours: 3, flavor: { model: 'H20' }, voucherHeld: String((2000 * 6 * 2000) / 10000) }); // H20 is not domestic: 20%
    expect(body).toMatchObject({ borrowed: false });
    expect(body.reference).toMatch(/^CR-[2-9A-Z]{6}$/);
    expect((await submit(founder, ask(), 'en-US', key)).json().id).toBe(body.id);
    const got = await ctx.app.inject(as(founder, { method: 'GET', url: url(`/requests/${body.id}`) }));
    expect(got.json().id).toBe(body.id);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: url(`/requests/${body.id}`) }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(operator, { method: 'GET', url: url(`/requests/${body.id}`) }))).statusCode).toBe(200);
  });

  it('refuses with a stable code and a reason in both languages', async () => {
    const unknown = await submit(founder, ask({ flavor: randomUUID() }), 'zh-CN');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'FLAVOR_UNKNOWN', message: '没有这种算力规格。' });
    const late = await submit(founder, ask({ hours: 10, deadline: inHours(5) }));
    expect(late.json().error).toMatchObject({ code: 'DEADLINE_PASSED', message: expect.stringContaining('deadline') });
    const big = await submit(founder, ask({ gpus: 9 }));
    expect(big.json().error.code).toBe('QUOTA_EXCEEDED');
    const noQuota = await submit(founder, ask({ flavor: world.flavors[1]!.id }));
    expect(noQuota.json().error.code).toBe('QUOTA_EXCEEDED');
    const bad = await submit(founder, ask({ gpus: 0, deadline: 'tomorrow' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['deadline', 'gpus']);
    const nul = await ctx.app.inject(
      as(provider, {
        method: 'POST',
        url: url('/usage'),
        payload: {
          providerId: world.provider.id,
          records: [
            { recordId: 'a\u0000b', requestId: randomUUID(), flavorId: randomUUID(), gpuHours: '1', startedAt: inHours(0), endedAt: inHours(1), cost: '1' },
          ],
        },
      }),
    );
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields[0].path).toBe('records.0.recordId');
  });

  it('another company and another hub see nothing: 404, also when named in a filter or body', async () => {
    expect((await submit(stranger, ask())).statusCode).toBe(404);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: url(`/queue?organizationId=${world.startups[0]!.orgId}`) }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: url(`/usage?organizationId=${world.startups[0]!.orgId}`) }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: url('/fair-share') }))).statusCode).toBe(404);
    const other = await otherHub(ctx);
    expect((await ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${other.slug}/compute/requests`, payload: ask() }))).statusCode).toBe(404);
  });

  it('usage reported by the provider applies once; a replay answers the first result; a correction pays only the difference (20% on a non-domestic flavor)', async () => {
    // One GPU for two hours, over by now: usage is metered once it has happened.
    const req = await finishedRequest<{ id: string; flavor: { id: string }; start: string; end: string }>(ctx, founder, hub, world);
    const record = {
      recordId: `r-${req.id}`,
      requestId: req.id,
      flavorId: req.flavor.id,
      gpuHours: '2',
      startedAt: req.start,
      endedAt: req.end,
      cost: '4000',
      corrects: null,
    };
    const report = (user: TestUser, records: object[], key?: string) =>
      ctx.app.inject(
        as(user, { method: 'POST', url: url('/usage'), payload: { providerId: world.provider.id, records }, headers: key ? { 'idempotency-key': key } : {} }),
      );
    const first = await report(provider, [record]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results).toEqual([{ recordId: record.recordId, outcome: 'applied', code: null, voucherPaid: '800' }]);
    expect((await report(provider, [{ ...record, cost: '99999' }])).json().results[0]).toMatchObject({ outcome: 'replayed', voucherPaid: '800' });
    const twice = await report(provider, [{ ...record, recordId: `again-${req.id}` }]);
    expect(twice.json().results[0]).toMatchObject({ outcome: 'refused', code: 'ALREADY_CLAIMED', voucherPaid: '0' });
    const fix = { ...record, recordId: `fix-${req.id}`, cost: '3000', corrects: record.recordId };
    const corrected = await report(provider, [fix], `usage-fix-${req.id}`);
    expect(corrected.json().results[0]).toMatchObject({ outcome: 'applied', voucherPaid: '-200' });
    // The voucher's award says what its usage was paid, net of the correction, as compute does.
    const award = await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/applications/${world.startups[0]!.awardId}/award` }));
    expect([award.statusCode, award.json().paid]).toEqual([200, '600']);
    // The same report retried with its Idempotency-Key answers the first results, marked as a replay.
    const retried = await report(provider, [fix], `usage-fix-${req.id}`);
    expect([retried.statusCode, retried.headers['idempotent-replayed'], retried.json()]).toEqual([200, 'true', corrected.json()]);
    expect((await report(stranger, [record])).statusCode).toBe(404);
    const usage = await ctx.app.inject(as(founder, { method: 'GET', url: url(`/usage?organizationId=${world.startups[0]!.orgId}`) }));
    expect(usage.json().items.map((u: { recordId: string; corrects: string | null }) => [u.recordId, u.corrects])).toContainEqual([
      `fix-${req.id}`,
      record.recordId,
    ]);
  });

  it('cancelling gives the hours back; the fair-share page lists each company with its dominant share', async () => {
    const req = (await submit(founder, ask({ gpus: 8, hours: 4, earliestStart: inHours(30), deadline: inHours(60) }))).json();
    expect(req.status).toBe('pending');
    const cancel = (key?: string) =>
      ctx.app.inject(as(founder, { method: 'POST', url: url(`/requests/${req.id}/cancel`), headers: key ? { 'idempotency-key': key } : {} }));
    const cancelled = await cancel(`cancel-${req.id}`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', voucherHeld: '0' });
    // A retry with the same key answers the first result; without a key, a second cancel is refused.
    const retried = await cancel(`cancel-${req.id}`);
    expect([retried.statusCode, retried.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(retried.json()).toEqual(cancelled.json());
    expect((await cancel()).statusCode).toBe(409);
    const share = await ctx.app.inject(as(operator, { method: 'GET', url: url('/fair-share') }));
    expect(share.statusCode).toBe(200);
    expect(share.json()).toMatchObject({ halfLifeHours: 168, items: [{ organization: { id: world.startups[0]!.orgId }, entitlementGpus: 8 }] });
    expect(share.json().items[0].dominantShare).toBeGreaterThan(0);
  });

  it('a provider’s machine credential (an API token with the provider as subject) reports its own usage, and only its own', async () => {
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const mint = (subjectId: string) =>
      ctx.app.inject(
        as(admin, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/api-tokens`,
          headers: { origin: 'http://localhost:3000' },
          payload: {
            name: 'meter',
            roles: ['compute_operator'],
            subject: { kind: 'compute_provider', id: subjectId },
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        }),
      );
    const minted = await mint(world.provider.id);
    expect(minted.statusCode, minted.body).toBe(201);
    const bearer = { authorization: `Bearer ${minted.json().secret}` };
    const req = await finishedRequest<{ id: string; flavor: { id: string }; start: string }>(ctx, founder, hub, world); // over, not metered yet
    const record = {
      recordId: `tok-${randomUUID()}`,
      requestId: req.id,
      flavorId: req.flavor.id,
      gpuHours: '0.5',
      startedAt: req.start,
      endedAt: new Date(Date.parse(req.start) + 1_800_000).toISOString(),
      cost: '1000',
      corrects: null,
    };
    const res = await ctx.app.inject({ method: 'POST', url: url('/usage'), headers: bearer, payload: { providerId: world.provider.id, records: [record] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results[0].outcome).toBe('applied');
    const otherProvider = randomUUID();
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: url('/usage'),
      headers: bearer,
      payload: { providerId: otherProvider, records: [{ ...record, recordId: 'x' }] },
    });
    expect(wrong.statusCode).toBe(404);
  });

  // Last of these: it makes the startup and the provider related parties, so this world's voucher admits no request after it.
  it('refuses a voucher-funded request when buyer and provider are related parties (a founder works at the provider)', async () => {
    const person = randomUUID();
    const db = ctx.database.db;
    await db.execute(sql`INSERT INTO people (hub_id, id, name_zh, name_en) VALUES (${hub.id}, ${person}, '张三', 'Zhang San')`);
    await db.execute(sql`INSERT INTO relations (hub_id, id, kind, from_person_id, to_organization_id, starts_on, source_note) VALUES
      (${hub.id}, ${randomUUID()}, 'founded', ${person}, ${world.startups[0]!.orgId}, '2020-01-01', 'test'),
      (${hub.id}, ${randomUUID()}, 'works_at', ${person}, ${world.provider.id}, '2021-01-01', 'test')`);
    const res = await submit(founder, ask(), 'zh-CN');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'RELATED_PARTY', message: expect.stringContaining('关联') });
  });
});

// Services called with the clock of the story (`now`): days after the pool was made, hours into a job.
const HOUR = 3_600_000;
const hourNow = Math.floor(Date.now() / HOUR);
const at = (hour: number) => new Date(hour * HOUR);
const hourOf = (d: Date) => Math.floor(d.getTime() / HOUR);
const scopeOf = (h: HubRow, w: ComputeWorld) => ({ hub: h, actor: w.startups[0]!.founder });
const askAt = (h: HubRow, w: ComputeWorld, now: Date, over: Partial<RequestInput> = {}) =>
  withTransaction(ctx.database.db, (tx) =>
    submitComputeRequest(
      tx,
      scopeOf(h, w),
      {
        organizationId: w.startups[0]!.orgId,
        flavor: w.flavors[0]!.id,
        gpus: 1,
        hours: 2,
        deadline: at(hourOf(now) + 48).toISOString(),
        priority: 'normal',
        ...over,
      },
      now,
    ),
  );
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'admitted or waiting',
    (e: { code?: string; fields?: { path: string; code: string }[] }) => [e.code, e.fields?.map((f) => `${f.path}:${f.code}`)],
  );
const usedOf = async (h: HubRow, w: ComputeWorld) =>
  (await getComputeDashboard(ctx.database.db, scopeOf(h, w), { organizationId: w.startups[0]!.orgId })).quotas.map((q) => q.gpuHoursUsed);

describe('compute over time', () => {
  it('a pool keeps admitting long after it was made: 20 and 100 days on an idle pool, at once; a maintenance window far ahead still holds', async () => {
    const h = await createTestHub(ctx);
    const window = hourNow + 100 * 24 + 6; // all 8 GPUs out for 4 hours, 100 days on
    const w = await computeWorld(ctx.database.db, h, {
      maintenance: [{ flavorCode: 'h20', from: at(window).toISOString(), to: at(window + 4).toISOString(), gpusOut: 8 }],
    });
    for (const days of [20, 100]) {
      const now = at(hourNow + days * 24);
      const r = await askAt(h, w, now);
      expect([days, r.status, r.startAt]).toEqual([days, 'admitted', now]);
    }
    const gang = await askAt(h, w, at(window - 1), { gpus: 8, hours: 2 });
    expect([gang.status, gang.startAt]).toEqual(['admitted', at(window + 4)]);
  });

  it('the GPU-hours of a job cancelled while running count as used: 9 of 10 run, then 10 more are over the quota', async () => {
    const h = await createTestHub(ctx);
    const w = await computeWorld(ctx.database.db, h, { quota: { concurrentGpus: 8, borrowingLimit: 0, gpuHours: 10 } });
    const first = await askAt(h, w, at(hourNow), { hours: 10 });
    expect([first.status, first.startAt]).toEqual(['admitted', at(hourNow)]);
    const cancelled = await withTransaction(ctx.database.db, (tx) => cancelComputeRequest(tx, scopeOf(h, w), first.id, at(hourNow + 9)));
    expect([cancelled.status, cancelled.endAt]).toEqual(['cancelled', at(hourNow + 9)]);
    expect(await refusal(askAt(h, w, at(hourNow + 9), { hours: 10 }))).toEqual(['QUOTA_EXCEEDED', ['hours:GPU_HOURS_OVER_QUOTA']]);
    expect(await usedOf(h, w)).toEqual([9]);
    // What is left (1 GPU-hour) is still there.
    expect((await askAt(h, w, at(hourNow + 9), { hours: 1 })).status).toBe('admitted');
  });

  it('the hour a job was cancelled in stays taken: the next job on the whole flavor starts at the next hour', async () => {
    const h = await createTestHub(ctx);
    const w = await computeWorld(ctx.database.db, h);
    const first = await askAt(h, w, at(hourNow), { gpus: 8, hours: 4 });
    const halfPast = new Date(at(hourNow).getTime() + HOUR / 2);
    await withTransaction(ctx.database.db, (tx) => cancelComputeRequest(tx, scopeOf(h, w), first.id, halfPast));
    const next = await askAt(h, w, halfPast, { gpus: 8, hours: 2 });
    expect([next.status, next.startAt]).toEqual(['admitted', at(hourNow + 1)]);
  });

  it('quota periods are the hub’s days: at 01:00 in Shanghai on the first day (still the day before in UTC) the quota is active, holds its voucher, and counts its use', async () => {
    const h = await createTestHub(ctx);
    expect(h.timeZone).toBe('Asia/Shanghai');
    const firstDay = at(hourNow + 40 * 24)
      .toISOString()
      .slice(0, 10);
    const periodEnd = at(hourNow + 70 * 24)
      .toISOString()
      .slice(0, 10);
    const now = new Date(`${firstDay}T01:00:00+08:00`);
    expect(now.toISOString().slice(0, 10) < firstDay).toBe(true);
    const w = await computeWorld(ctx.database.db, h, {
      quota: { concurrentGpus: 8, borrowingLimit: 0, gpuHours: 10, periodStart: firstDay, periodEnd },
      voucher: { contract: '100000000', chips: 'other' },
    });
    const r = await askAt(h, w, now, { hours: 10 });
    expect([r.status, r.startAt]).toEqual(['admitted', now]);
    expect(r.voucherHeld).toBe((2000n * 10n * 2000n) / 10_000n); // 20% of 10 GPU-hours at CNY 20
    expect(await refusal(askAt(h, w, now, { hours: 1 }))).toEqual(['QUOTA_EXCEEDED', ['hours:GPU_HOURS_OVER_QUOTA']]);
    expect(await usedOf(h, w)).toEqual([10]);
  });
});

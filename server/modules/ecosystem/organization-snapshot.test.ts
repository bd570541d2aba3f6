import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { organizationRecordsPage } from './applicant-pages.js';
import type { OrganizationRecord } from './applicant-facts.js';
import { organizationSnapshot } from './organization-snapshot.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function walk(hubId: string, limit: number): Promise<OrganizationRecord[]> {
  const all: OrganizationRecord[] = [];
  for (let after: string | null = null; ;) {
    const page = await organizationRecordsPage(ctx.database.db, hubId, after, limit);
    all.push(...page);
    if (page.length < limit) return all;
    after = page.at(-1)!.id;
  }
}

describe('organisation records and the hub snapshot', () => {
  it('pages of any size read the same records with each one’s latest fact per metric; the snapshot is kept until the hub’s ecosystem changes', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const ids: string[] = [];
    for (const headcount of [3, 30, 300]) {
      const res = await ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ headcount }) }));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const fact = (id: string, payload: object) =>
      ctx.app.inject(
        as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations/${id}/facts`, payload: { ...payload, source: { note: 'filing' } } }),
      );
    // Revenue twice (the later one counts), a headcount, and a market share, on the middle organisation.
    for (const payload of [
      { metric: 'revenue', asOf: '2025-12-31', money: { amountMinor: '900000000', currency: 'CNY' } },
      { metric: 'revenue', asOf: '2024-12-31', money: { amountMinor: '100000000', currency: 'CNY' } },
      { metric: 'headcount', asOf: '2025-06-30', quantity: '42' },
      { metric: 'market_share', asOf: '2025-06-30', quantity: '12.5' },
    ])
      expect((await fact(ids[1]!, payload)).statusCode).toBe(201);

    const whole = await walk(hub.id, 100);
    expect(whole.map((r) => r.id)).toEqual([...ids].sort());
    expect(whole.find((r) => r.id === ids[1])).toMatchObject({ headcount: 30, latest: { revenue: 900000000n, headcount: 42, marketShare: 12.5 } });
    expect(whole.find((r) => r.id === ids[0])!.latest).toEqual({});
    for (const limit of [1, 2]) expect(await walk(hub.id, limit)).toEqual(whole);

    const snapshot = await organizationSnapshot(ctx.database.db, hub.id);
    expect(snapshot).toEqual(whole);
    expect(await organizationSnapshot(ctx.database.db, hub.id)).toBe(snapshot); // kept: nothing changed

    expect((await fact(ids[0]!, { metric: 'headcount', asOf: '2026-01-31', quantity: '7' })).statusCode).toBe(201);
    const after = await organizationSnapshot(ctx.database.db, hub.id);
    expect(after).not.toBe(snapshot);
    expect(after.find((r) => r.id === ids[0])!.latest).toEqual({ headcount: 7 });
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { operatePark, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { lapseSpaceOffers } from './requests.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function member(hub: HubRow, organizationId: string): Promise<TestUser> {
  const user = await createTestUser(ctx);
  await ctx.database.db.execute(
    sql`INSERT INTO organization_members (hub_id, organization_id, user_id, role) VALUES (${hub.id}, ${organizationId}, ${user.id}, 'owner')`,
  );
  return user;
}

describe('asking for space', () => {
  it('a company asks, waits in line, is offered units, accepts in time and has a lease; a lapsed offer goes back to the queue', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 3 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [a, b] = await spaceOrgs(ctx.database.db, hub, 2);
    const alice = await member(hub, a!);
    const bob = await member(hub, b!);
    const base = `/api/hubs/${hub.slug}/spaces`;
    const ask = (who: TestUser, organizationId: string) =>
      ctx.app.inject(as(who, { method: 'POST', url: `${base}/requests`, payload: { organizationId, areaM2: 90, startsOn: '2027-04-01', months: 24 } }));

    const first = await ask(alice, a!);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'waiting', position: 1 });
    expect((await ask(bob, b!)).json()).toMatchObject({ position: 2 });
    // Asking for another organisation: 404 (it is not theirs to name).
    expect((await ask(alice, b!)).statusCode).toBe(404);
    expect((await ctx.app.inject(as(alice, { method: 'GET', url: `${base}/requests` }))).json().items).toHaveLength(1);
    const queue = (await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/requests?status=waiting` }))).json().items;
    expect(queue.map((r: { organization: { id: string } }) => r.organization.id)).toEqual([a, b]);

    const free = (await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/availability?from=2027-04-01&to=2029-04-01&minAreaM2=90` }))).json().units;
    expect(free).toHaveLength(3);
    const offered = await ctx.app.inject(
      as(operator, { method: 'POST', url: `${base}/requests/${first.json().id}/offer`, payload: { nodeIds: [free[0].id], hours: 48 } }),
    );
    expect(offered.statusCode, offered.body).toBe(200);
    expect(offered.json()).toMatchObject({ status: 'offered', offer: { nodes: [{ code: free[0].code }] } });
    // Bob cannot accept Alice's offer.
    expect((await ctx.app.inject(as(bob, { method: 'POST', url: `${base}/requests/${first.json().id}/accept` }))).statusCode).toBe(404);
    const accepted = await ctx.app.inject(as(alice, { method: 'POST', url: `${base}/requests/${first.json().id}/accept` }));
    expect(accepted.statusCode, accepted.body).toBe(201);
    // 100 m² at CNY 60: CNY 6,000 a month for the 24 months asked.
    expect(accepted.json()).toMatchObject({
      startsOn: '2027-04-01',
      endsOn: '2029-04-01',
      steps: [{ monthlyRent: '600000', subsidyShare: '0' }],
      organization: { id: a },
    });
    expect((await ctx.app.inject(as(alice, { method: 'GET', url: `${base}/leases` }))).json().items).toHaveLength(1);

    // Bob is offered a unit but lets the time run out: the unit is free again and he waits first in line.
    const second = (await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/requests?status=waiting` }))).json().items[0];
    await ctx.app.inject(as(operator, { method: 'POST', url: `${base}/requests/${second.id}/offer`, payload: { nodeIds: [free[1].id], hours: 1 } }));
    expect(await lapseSpaceOffers(ctx.database.db, hub, new Date(Date.now() + 2 * 3_600_000))).toBe(1);
    const again = (await ctx.app.inject(as(bob, { method: 'GET', url: `${base}/requests/${second.id}` }))).json();
    expect(again).toMatchObject({ status: 'waiting', position: 1, offer: null });
    const after = (await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/availability?from=2027-04-01&to=2029-04-01` }))).json().units;
    expect(after.map((u: { id: string }) => u.id)).toEqual([free[1].id, free[2].id]);
  });

  it('occupancy per park and building by month, subsidy per company, what expires soon; the rent roll as XLSX', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const stranger = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 2, floors: 1, units: 2 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [a, b] = await spaceOrgs(ctx.database.db, hub, 2);
    const base = `/api/hubs/${hub.slug}/spaces`;
    const post = (url: string, payload: object) => ctx.app.inject(as(operator, { method: 'POST', url: `${base}${url}`, payload }));
    expect(
      (
        await post('/holds', {
          organizationId: a,
          nodeIds: [park.buildings[1]!.id],
          startsOn: '2027-02-01',
          endsOn: '2030-01-01',
          reason: 'Growth',
          decidedBy: 'Board',
        })
      ).statusCode,
    ).toBe(201);
    const unit = park.buildings[0]!.floors[0]!.units[0]!;
    expect(
      (
        await post('/leases', {
          organizationId: b,
          nodeIds: [unit],
          startsOn: '2027-03-01',
          endsOn: '2028-03-01',
          steps: [{ startsOn: '2027-03-01', endsOn: '2028-03-01', monthlyRent: '600000' }],
        })
      ).statusCode,
    ).toBe(201);

    const occ = await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/occupancy?from=2027-01-01&to=2027-04-01` }));
    expect(occ.statusCode, occ.body).toBe(200);
    const body = occ.json();
    expect(body.months).toEqual(['2027-01-01', '2027-02-01', '2027-03-01']);
    const parkSeries = body.series.find((s: { node: { id: string } }) => s.node.id === park.parkId);
    expect(parkSeries).toMatchObject({ leasedM2: [0, 0, 100], heldM2: [0, 200, 200], vacantM2: [400, 200, 100] });
    const b0 = body.series.find((s: { node: { id: string } }) => s.node.id === park.buildings[0]!.id);
    expect(b0).toMatchObject({ leasedM2: [0, 0, 100], heldM2: [0, 0, 0], vacantM2: [200, 200, 100] });
    expect(
      (await ctx.app.inject(as(stranger, { method: 'GET', url: `${base}/occupancy?from=2027-01-01&to=2027-04-01&parkId=${park.parkId}` }))).statusCode,
    ).toBe(404);

    const xlsx = await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/rent-roll.xlsx?on=2027-06-01` }));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

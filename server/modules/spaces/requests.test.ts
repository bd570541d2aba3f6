import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { lapseSpaceOffersJob } from '../../platform/jobs/definitions/lapse-space-offers.job.js';
import { operatePark, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { remindExpiringHolds } from './hold-reminders.service.js';
import { lapseSpaceOffers } from './offer-lapse.service.js';
import { monthStartAhead } from '../../test/test-window.js';

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

/** A hub with a park of 3 units run by an operator, and `n` companies each with a member. */
async function spaceHub(n: number) {
  const hub = await createTestHub(ctx);
  const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
  const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 3 });
  await operatePark(ctx.database.db, hub, park.parkId, operator.id);
  const orgs = await spaceOrgs(ctx.database.db, hub, n);
  const members = await Promise.all(orgs.map((o) => member(hub, o)));
  const base = `/api/hubs/${hub.slug}/spaces`;
  const request = async (i: number, startsOn: string, months: number): Promise<string> => {
    const res = await ctx.app.inject(
      as(members[i]!, { method: 'POST', url: `${base}/requests`, payload: { organizationId: orgs[i], areaM2: 90, startsOn, months } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const offer = async (id: string, ...units: string[]) => {
    const res = await ctx.app.inject(as(operator, { method: 'POST', url: `${base}/requests/${id}/offer`, payload: { nodeIds: units, hours: 1 } }));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().offer.holdId as string;
  };
  const get = async (id: string) => (await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/requests/${id}` }))).json();
  return { hub, operator, park, orgs, members, base, request, offer, get };
}

const auditActions = async (hubId: string, subjectId: string) =>
  (
    await ctx.database.db.execute<{ action: string }>(sql`SELECT action FROM audit_events WHERE hub_id = ${hubId} AND subject_id = ${subjectId} ORDER BY seq`)
  ).rows.map((r) => r.action);

/** A start four months ahead, whenever the suite runs (test:gm runs it a year ahead). */
const start = monthStartAhead(4);

describe('offers whose hold is gone', () => {
  it('an offer whose hold expired meanwhile lapses all the same: the request waits again, and the other offers of the hub lapse too', async () => {
    const h = await spaceHub(2);
    // Company 0 asks for three years, company 1 for one month (asked later, so the lapse job comes to it first).
    const long = await h.request(0, start, 36);
    const short = await h.request(1, start, 1);
    await h.offer(long, h.park.units[0]!);
    const shortHold = await h.offer(short, h.park.units[1]!);
    // The short offer's hold ends a month after it starts and expires; both offers are long past their time limit.
    const later = new Date(`${monthStartAhead(5)}T04:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 1);
    expect((await remindExpiringHolds(ctx.database.db, h.hub, later)).expired).toBe(1);
    expect(await lapseSpaceOffers(ctx.database.db, h.hub, later)).toBe(2);
    expect(await h.get(short)).toMatchObject({ status: 'waiting', offer: null, position: 2 });
    expect(await h.get(long)).toMatchObject({ status: 'waiting', offer: null, position: 1 });
    expect(await auditActions(h.hub.id, short)).toEqual(['space.requested', 'space.offered', 'space.offer_lapsed']);
    // The expired hold is left as it was: nothing to release.
    expect((await ctx.app.inject(as(h.operator, { method: 'GET', url: `${h.base}/holds/${shortHold}` }))).json()).toMatchObject({ status: 'expired' });
    expect(await auditActions(h.hub.id, shortHold)).toEqual(['space.held', 'space.hold_expired']);
    // Nothing is left to lapse.
    expect(await lapseSpaceOffers(ctx.database.db, h.hub, later)).toBe(0);
  });

  it('an operator releasing the hold of an open offer withdraws the offer: the request waits again and cannot be accepted; only the whole hold', async () => {
    const h = await spaceHub(1);
    const id = await h.request(0, start, 24);
    const holdId = await h.offer(id, h.park.units[0]!, h.park.units[1]!);
    const release = (payload: object, key: string) =>
      ctx.app.inject(as(h.operator, { method: 'POST', url: `${h.base}/holds/${holdId}/release`, payload, headers: { 'idempotency-key': key } }));
    // Releasing one of its two units would leave the offer on less than it says: a 400 on the field, nothing changed.
    const partial = await release({ nodeIds: [h.park.units[0]!] }, `partial-${holdId}`);
    expect([partial.statusCode, partial.json().error.fields]).toMatchObject([400, [{ path: 'nodeIds', code: 'INVALID' }]]);
    expect(await h.get(id)).toMatchObject({ status: 'offered' });

    const released = await release({}, `release-${holdId}`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released' });
    expect(await h.get(id)).toMatchObject({ status: 'waiting', offer: null, position: 1 });
    expect(await auditActions(h.hub.id, id)).toEqual(['space.requested', 'space.offered', 'space.offer_withdrawn']);
    const accept = await ctx.app.inject(as(h.members[0]!, { method: 'POST', url: `${h.base}/requests/${id}/accept` }));
    expect([accept.statusCode, accept.json().error.code]).toEqual([409, 'CONFLICT']);
    // The lapse job finds nothing to do (and does not throw).
    expect(await lapseSpaceOffers(ctx.database.db, h.hub, new Date(Date.now() + 2 * 3_600_000))).toBe(0);
    // The units are free for the next offer.
    await h.offer(id, h.park.units[0]!, h.park.units[1]!);
    expect(await h.get(id)).toMatchObject({ status: 'offered' });
  });

  it('an operator converting the hold of an open offer into a lease takes the offer: the request is accepted with that lease and the lapse job leaves it', async () => {
    const h = await spaceHub(1);
    const id = await h.request(0, start, 24);
    const holdId = await h.offer(id, h.park.units[0]!);
    const endsOn = monthStartAhead(28);
    const converted = await ctx.app.inject(
      as(h.operator, {
        method: 'POST',
        url: `${h.base}/holds/${holdId}/convert`,
        payload: { startsOn: start, endsOn, steps: [{ startsOn: start, endsOn, monthlyRent: '600000' }] },
        headers: { 'idempotency-key': `convert-${holdId}` },
      }),
    );
    expect(converted.statusCode, converted.body).toBe(201);
    const leaseId = converted.json().id as string;
    expect(await h.get(id)).toMatchObject({ status: 'accepted', leaseId });
    expect(await auditActions(h.hub.id, id)).toEqual(['space.requested', 'space.offered', 'space.offer_accepted']);
    // The company cannot accept it again (there is one lease), and the lapse job, long after its time, leaves it as it is.
    const accept = await ctx.app.inject(as(h.members[0]!, { method: 'POST', url: `${h.base}/requests/${id}/accept` }));
    expect([accept.statusCode, accept.json().error.code]).toEqual([409, 'CONFLICT']);
    expect(await lapseSpaceOffers(ctx.database.db, h.hub, new Date(Date.now() + 2 * 3_600_000))).toBe(0);
    expect(await h.get(id)).toMatchObject({ status: 'accepted', leaseId, position: null });
    expect(await auditActions(h.hub.id, id)).toEqual(['space.requested', 'space.offered', 'space.offer_accepted']);
    expect((await ctx.app.inject(as(h.operator, { method: 'GET', url: `${h.base}/leases/${leaseId}` }))).json()).toMatchObject({ status: 'active' });
  });

  it('a request that fails to lapse is rolled back alone: the other offers of its hub and of other hubs still lapse, and the job reports it', async () => {
    const first = await spaceHub(2);
    const second = await spaceHub(1);
    // The broken request is the newer, so the job comes to it first.
    const fine = await first.request(1, start, 24);
    const broken = await first.request(0, start, 24);
    const elsewhere = await second.request(0, start, 24);
    await first.offer(fine, first.park.units[1]!);
    await first.offer(broken, first.park.units[0]!);
    await second.offer(elsewhere, second.park.units[0]!);
    // Every offer's time is up; the broken request cannot be written (a fault the job must survive).
    const db = ctx.database.db;
    await db.execute(sql`UPDATE space_requests SET offer_expires_at = now() - interval '1 hour' WHERE id IN (${broken}, ${fine}, ${elsewhere})`);
    await db.execute(
      sql.raw(`
      CREATE FUNCTION test_broken_request() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'broken request'; END $$;
      CREATE TRIGGER test_broken_request BEFORE UPDATE ON space_requests FOR EACH ROW WHEN (OLD.id = '${broken}') EXECUTE FUNCTION test_broken_request();`),
    );
    try {
      await expect(lapseSpaceOffersJob.handle(db, {})).rejects.toThrow(new RegExp(`${first.hub.slug}: .*request ${broken}: .*broken request`));
    } finally {
      await db.execute(sql.raw('DROP TRIGGER test_broken_request ON space_requests; DROP FUNCTION test_broken_request();'));
    }
    expect(await first.get(broken)).toMatchObject({ status: 'offered' });
    expect(await first.get(fine)).toMatchObject({ status: 'waiting', offer: null });
    expect(await second.get(elsewhere)).toMatchObject({ status: 'waiting', offer: null });
    // Mended, it lapses on the next run.
    await lapseSpaceOffersJob.handle(db, {});
    expect(await first.get(broken)).toMatchObject({ status: 'waiting', offer: null });
  });
});

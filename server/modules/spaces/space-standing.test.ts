import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { colleagueOf } from '../../test/colleague-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { operatePark, spaceOrgs, spacePark } from '../../test/space-factories.js';

// Who may act for a company in office space, and what a request may name: a "can view"
// colleague reads but never asks or accepts (403); a park, unit photo or operator must be
// this hub's and the caller's to name (404, or a missing file's answer), and nothing is written.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 5)]);

async function owner(hub: HubRow, organizationId: string): Promise<TestUser> {
  const user = await createTestUser(ctx);
  await ctx.database.db.execute(
    sql`INSERT INTO organization_members (hub_id, organization_id, user_id, role) VALUES (${hub.id}, ${organizationId}, ${user.id}, 'owner')`,
  );
  return user;
}

async function count(table: 'space_requests' | 'space_leases' | 'space_holds' | 'space_claims' | 'space_park_operators', hubId: string): Promise<number> {
  const { rows } = await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE hub_id = ${hubId}`);
  return rows[0]!.n;
}

/** A hub with a park run by an operator, a company with its owner, and the HTTP calls. */
async function world() {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
  const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 3 });
  await operatePark(ctx.database.db, hub, park.parkId, operator.id);
  const [org] = (await spaceOrgs(ctx.database.db, hub, 1)) as [string];
  const founder = await owner(hub, org);
  const base = `/api/hubs/${hub.slug}/spaces`;
  const call = (who: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject(as(who, { method, url: `${base}${url}`, ...(payload ? { payload } : {}) }));
  const ask = (who: TestUser, extra: object = {}) =>
    call(who, 'POST', '/requests', { organizationId: org, areaM2: 90, startsOn: '2027-04-01', months: 12, ...extra });
  return { hub, admin, operator, park, org, founder, base, call, ask };
}

const fieldsOf = (res: { json: () => { error?: { fields?: { path: string; code: string }[] } } }) =>
  (res.json().error?.fields ?? []).map((f) => `${f.path} ${f.code}`);

describe("a company's standing in office space", () => {
  it('a "can view" colleague reads the request but may not ask or accept (403, nothing written); a "can apply" colleague does both', async () => {
    const w = await world();
    const viewer = await colleagueOf(ctx, w.hub, w.founder, w.org, 'viewer');
    const applicant = await colleagueOf(ctx, w.hub, w.founder, w.org, 'applicant');

    const refused = await w.ask(viewer);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(await count('space_requests', w.hub.id)).toBe(0);

    const asked = await w.ask(applicant);
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    // The viewer reads it and finds it in the company's list.
    expect((await w.call(viewer, 'GET', `/requests/${id}`)).statusCode).toBe(200);
    expect((await w.call(viewer, 'GET', '/requests')).json().items.map((r: { id: string }) => r.id)).toEqual([id]);

    const offered = await w.call(w.operator, 'POST', `/requests/${id}/offer`, { nodeIds: [w.park.units[0]], hours: 48 });
    expect(offered.statusCode, offered.body).toBe(200);
    const notSigned = await w.call(viewer, 'POST', `/requests/${id}/accept`);
    expect(notSigned.statusCode, notSigned.body).toBe(403);
    expect(await count('space_leases', w.hub.id)).toBe(0);
    expect((await w.call(viewer, 'GET', `/requests/${id}`)).json()).toMatchObject({ status: 'offered' });

    const signed = await w.call(applicant, 'POST', `/requests/${id}/accept`);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(await count('space_leases', w.hub.id)).toBe(1);
    // The viewer reads the company's lease too.
    expect((await w.call(viewer, 'GET', `/leases/${signed.json().id}`)).statusCode).toBe(200);
  });

  it('a request names one of this hub’s parks or none: another hub’s park, a unit or no node at all is 404 at parkId, nothing written', async () => {
    const w = await world();
    const elsewhere = await createTestHub(ctx);
    const theirPark = await spacePark(ctx.database.db, elsewhere, { buildings: 1, floors: 1, units: 1 });
    for (const parkId of [theirPark.parkId, randomUUID(), w.park.units[0]!, w.park.buildings[0]!.id]) {
      const res = await w.ask(w.founder, { parkId });
      expect(res.statusCode, res.body).toBe(404);
      expect(fieldsOf(res)).toEqual(['parkId NOT_IN_HUB']);
    }
    expect(await count('space_requests', w.hub.id)).toBe(0);
    const inPark = await w.ask(w.founder, { parkId: w.park.parkId });
    expect(inPark.statusCode, inPark.body).toBe(201);
  });
});

describe('what the space desk may name', () => {
  it('a unit photo must be a picture the operator uploaded: anyone else’s answers as a missing file, and is never served', async () => {
    const w = await world();
    const upload = async (who: TestUser) =>
      (
        await ctx.app.inject(
          as(who, { method: 'POST', url: `/api/hubs/${w.hub.slug}/files?name=x.png`, payload: png, headers: { 'content-type': 'application/octet-stream' } }),
        )
      ).json() as { id: string };
    const [unit] = w.park.units as [string];
    const founders = await upload(w.founder);
    const own = await upload(w.operator);
    const missing = randomUUID();

    for (const [photos, expected] of [
      [[founders.id], ['photos.0 FILE_NOT_FOUND']],
      [[own.id, missing], ['photos.1 FILE_NOT_FOUND']],
    ] as const) {
      const res = await w.call(w.operator, 'PATCH', `/nodes/${unit}`, { photos });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toEqual(expected);
    }
    // Nor on a new unit.
    const created = await w.call(w.operator, 'POST', '/nodes', {
      parentId: w.park.buildings[0]!.floors[0]!.id,
      kind: 'unit',
      unitKind: 'office',
      code: `NEW-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: { zh: '新', en: 'New' },
      areaM2: 20,
      listRent: '1000',
      photos: [founders.id],
    });
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsOf(created)).toEqual(['photos.0 FILE_NOT_FOUND']);
    const stranger = await createTestUser(ctx);
    expect((await w.call(stranger, 'GET', `/nodes/${unit}/photos/${founders.id}`)).statusCode).toBe(404);

    // The operator's own picture is taken; a photo the unit already shows stays when another operator edits it.
    expect((await w.call(w.operator, 'PATCH', `/nodes/${unit}`, { photos: [own.id] })).statusCode).toBe(200);
    const colleague = await createTestUser(ctx, { hub: w.hub, roles: ['space_manager'] });
    await operatePark(ctx.database.db, w.hub, w.park.parkId, colleague.id);
    const theirs = await upload(colleague);
    const both = await w.call(colleague, 'PATCH', `/nodes/${unit}`, { photos: [theirs.id, own.id] });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json().photos).toEqual([theirs.id, own.id]);
  });

  it('a park operator must be a space manager of this hub: another hub’s admin, a user with no role, no user at all is 404, nothing written', async () => {
    const w = await world();
    const elsewhere = await createTestHub(ctx);
    const theirAdmin = await createTestUser(ctx, { hub: elsewhere, roles: ['hub_admin'] });
    const nobody = await createTestUser(ctx);
    const auditor = await createTestUser(ctx, { hub: w.hub, roles: ['auditor'] });
    const before = await count('space_park_operators', w.hub.id);
    for (const userId of [theirAdmin.id, nobody.id, auditor.id, randomUUID()]) {
      const res = await w.call(w.admin, 'POST', `/parks/${w.park.parkId}/operators`, { userId });
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(await count('space_park_operators', w.hub.id)).toBe(before);
    const manager = await createTestUser(ctx, { hub: w.hub, roles: ['space_manager'] });
    expect((await w.call(w.admin, 'POST', `/parks/${w.park.parkId}/operators`, { userId: manager.id })).statusCode).toBe(204);
    expect(await count('space_park_operators', w.hub.id)).toBe(before + 1);
  });

  it('filters and bodies naming another hub’s organisation, park or nodes answer 404, nothing written; a same-hub node of the wrong kind stays a 400', async () => {
    const w = await world();
    const elsewhere = await createTestHub(ctx);
    const [theirOrg] = (await spaceOrgs(ctx.database.db, elsewhere, 1)) as [string];
    const theirPark = await spacePark(ctx.database.db, elsewhere, { buildings: 1, floors: 1, units: 1 });

    for (const who of [w.admin, w.operator]) {
      for (const list of ['/leases', '/holds']) {
        expect((await w.call(who, 'GET', `${list}?organizationId=${theirOrg}`)).statusCode, `${list} org`).toBe(404);
        expect((await w.call(who, 'GET', `${list}?parkId=${theirPark.parkId}`)).statusCode, `${list} park`).toBe(404);
        expect((await w.call(who, 'GET', `${list}?organizationId=${w.org}`)).statusCode, `${list} own`).toBe(200);
      }
    }

    for (const url of [
      `/occupancy?from=2027-01-01&to=2027-02-01&parkId=${theirPark.parkId}`,
      `/availability?from=2027-01-01&to=2027-02-01&parkId=${theirPark.parkId}`,
      `/nodes?parkId=${theirPark.parkId}`,
    ])
      expect((await w.call(w.admin, 'GET', url)).statusCode, url).toBe(404);
    const under = await w.call(w.admin, 'POST', '/nodes', { parentId: theirPark.parkId, kind: 'building', code: 'THEIRS', name: { zh: '楼', en: 'B' } });
    expect([under.statusCode, fieldsOf(under)]).toEqual([404, ['parentId NOT_IN_HUB']]);

    const days = { startsOn: '2027-01-01', endsOn: '2028-01-01' };
    const hold = (nodeIds: string[], organizationId = w.org) =>
      w.call(w.operator, 'POST', '/holds', { organizationId, nodeIds, ...days, reason: 'Growth', decidedBy: 'Board' });
    const lease = (nodeIds: string[]) =>
      w.call(w.operator, 'POST', '/leases', { organizationId: w.org, nodeIds, ...days, steps: [{ ...days, monthlyRent: '600000' }] });
    for (const res of [await hold([w.park.units[0]!, theirPark.units[0]!]), await lease([w.park.units[0]!, theirPark.units[0]!])]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(fieldsOf(res)).toEqual(['nodeIds.1 NOT_IN_HUB']);
    }
    expect((await hold([w.park.units[0]!], theirOrg)).statusCode).toBe(404);
    // A company member naming another hub's unit learns nothing either.
    const asMember = await w.call(w.founder, 'POST', '/holds', { organizationId: w.org, nodeIds: [theirPark.units[0]], ...days, reason: 'x', decidedBy: 'x' });
    expect([asMember.statusCode, fieldsOf(asMember)]).toEqual([404, []]);
    // A park of this hub is not taken whole: still a 400 on that node.
    const whole = await hold([w.park.parkId]);
    expect(whole.statusCode).toBe(400);
    expect(fieldsOf(whole)).toEqual(['nodeIds.0 INVALID']);

    // An offer of another hub's unit: 404, the request still waits.
    const asked = await w.ask(w.founder);
    const offer = await w.call(w.operator, 'POST', `/requests/${asked.json().id}/offer`, { nodeIds: [theirPark.units[0]], hours: 24 });
    expect(offer.statusCode, offer.body).toBe(404);
    expect((await w.call(w.founder, 'GET', `/requests/${asked.json().id}`)).json()).toMatchObject({ status: 'waiting' });
    for (const table of ['space_holds', 'space_leases', 'space_claims'] as const) expect(await count(table, w.hub.id), table).toBe(0);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { operatePark, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { spaceAreaTrend } from './area-trend.js';

// Units edited on the space desk (code, names, area, seats, features, list rent, photos) and
// their photos shown to companies: the pictures a node lists, to anyone who may read the tree.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);

async function member(hub: HubRow, organizationId: string): Promise<TestUser> {
  const user = await createTestUser(ctx);
  await ctx.database.db.execute(
    sql`INSERT INTO organization_members (hub_id, organization_id, user_id, role) VALUES (${hub.id}, ${organizationId}, ${user.id}, 'owner')`,
  );
  return user;
}
const upload = async (who: TestUser, hub: HubRow, content: Buffer, name: string) =>
  (
    await ctx.app.inject(
      as(who, { method: 'POST', url: `/api/hubs/${hub.slug}/files?name=${name}`, payload: content, headers: { 'content-type': 'application/octet-stream' } }),
    )
  ).json() as { id: string; mediaType: string };

describe('units on the space desk', () => {
  it('the operator changes a unit and its photos; bad input is a 400 with the field in both languages and changes nothing; others get 404', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const otherOperator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    await operatePark(ctx.database.db, hub, (await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 1 })).parkId, otherOperator.id);
    const [unit, sibling] = park.units as [string, string];
    const floor = park.buildings[0]!.floors[0]!.id;
    const patch = (who: TestUser, id: string, payload: object, lang = 'en-US') =>
      ctx.app.inject(as(who, { method: 'PATCH', url: `/api/hubs/${hub.slug}/spaces/nodes/${id}`, payload, headers: { 'accept-language': lang } }));

    const first = await upload(operator, hub, png, 'front.png');
    const second = await upload(operator, hub, jpeg, 'inside.jpg');
    const changed = await patch(operator, unit, {
      code: 'DT-A-201',
      name: { zh: '二楼东', en: 'East, 2nd floor' },
      areaM2: 88.5,
      seats: 9,
      features: ['fibre', 'lab'],
      listRent: '7500',
      photos: [second.id, first.id],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      code: 'DT-A-201',
      name: { zh: '二楼东', en: 'East, 2nd floor' },
      areaM2: 88.5,
      seats: 9,
      features: ['fibre', 'lab'],
      listRent: '7500',
      photos: [second.id, first.id],
      operates: true,
    });
    // Only what is sent changes.
    const renamed = await patch(operator, unit, { name: { zh: '二楼', en: 'Second floor' } });
    expect(renamed.json()).toMatchObject({ code: 'DT-A-201', areaM2: 88.5, listRent: '7500', photos: [second.id, first.id] });

    const note = await upload(operator, hub, Buffer.from('not a picture'), 'note.txt');
    const cases: [string, object, string][] = [
      [unit, { areaM2: 0 }, 'areaM2 TOO_SMALL'],
      [unit, { areaM2: 10.005 }, 'areaM2 INVALID'],
      [unit, { listRent: '-1' }, 'listRent INVALID_FORMAT'],
      // At most CNY 100,000 a m² a month: area × rent × months stays inside a bigint.
      [unit, { listRent: '10000001' }, 'listRent TOO_BIG'],
      [unit, { code: 'lower case' }, 'code INVALID_FORMAT'],
      [unit, { name: { zh: 'x\u0000', en: 'x' } }, 'name.zh INVALID_CHARACTERS'],
      [unit, { photos: [first.id, note.id] }, 'photos.1 WRONG_FILE_TYPE'],
      [unit, { code: await codeOf(sibling) }, 'code TAKEN'],
      [floor, { areaM2: 50 }, 'areaM2 INVALID'],
    ];
    for (const [id, payload, expected] of cases) {
      for (const lang of ['en-US', 'zh-CN']) {
        const res = await patch(operator, id, payload, lang);
        expect(res.statusCode, `${expected}: ${res.body}`).toBe(400);
        expect(res.json().error.fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`)).toContain(expected);
        expect(res.json().error.message).toMatch(lang === 'zh-CN' ? /[\u4e00-\u9fff]/ : /^[\x20-\x7e’]+$/);
      }
    }
    // Another park's operator, another hub's admin: 404; another hub's file answers as a missing one (400 FILE_NOT_FOUND); nothing changed.
    expect((await patch(otherOperator, unit, { seats: 1 })).statusCode).toBe(404);
    const elsewhere = await createTestHub(ctx);
    const elsewhereAdmin = await createTestUser(ctx, { hub: elsewhere, roles: ['hub_admin'] });
    const foreign = await upload(elsewhereAdmin, elsewhere, png, 'theirs.png');
    const foreignPhoto = await patch(operator, unit, { photos: [foreign.id] });
    expect(foreignPhoto.statusCode).toBe(400);
    expect(foreignPhoto.json().error.fields).toMatchObject([{ path: 'photos.0', code: 'FILE_NOT_FOUND' }]);
    expect(
      (await ctx.app.inject(as(elsewhereAdmin, { method: 'PATCH', url: `/api/hubs/${elsewhere.slug}/spaces/nodes/${unit}`, payload: { seats: 1 } })))
        .statusCode,
    ).toBe(404);
    const tree = await ctx.app.inject(as(operator, { method: 'GET', url: `/api/hubs/${hub.slug}/spaces/nodes?parkId=${park.parkId}&limit=100` }));
    expect(tree.json().items.find((n: { id: string }) => n.id === unit)).toMatchObject({
      name: { en: 'Second floor' },
      seats: 9,
      areaM2: 88.5,
      photos: [second.id, first.id],
    });
  });

  it('a company sees the photos of the units offered, leased and free to it; a file the unit does not list is 404', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const founder = await member(hub, org!);
    const [leased, free] = park.units as [string, string];
    const base = `/api/hubs/${hub.slug}/spaces`;
    const photo = await upload(operator, hub, png, 'front.png');
    const elsewhere = await upload(operator, hub, jpeg, 'elsewhere.jpg');
    for (const id of [leased, free])
      expect((await ctx.app.inject(as(operator, { method: 'PATCH', url: `${base}/nodes/${id}`, payload: { photos: [photo.id] } }))).statusCode).toBe(200);

    const signed = await ctx.app.inject(
      as(operator, {
        method: 'POST',
        url: `${base}/leases`,
        headers: { 'idempotency-key': `photo-lease-${leased}` },
        payload: {
          organizationId: org,
          nodeIds: [leased],
          startsOn: '2027-01-01',
          endsOn: '2028-01-01',
          steps: [{ startsOn: '2027-01-01', endsOn: '2028-01-01', monthlyRent: '600000' }],
        },
      }),
    );
    expect(signed.statusCode, signed.body).toBe(201);
    const mine = await ctx.app.inject(as(founder, { method: 'GET', url: `${base}/leases` }));
    expect(mine.json().items[0].nodes).toMatchObject([{ id: leased, photos: [photo.id] }]);

    // The company looks for free units in every park: the leased one is not among them.
    const found = await ctx.app.inject(as(founder, { method: 'GET', url: `${base}/availability?from=2027-03-01&to=2027-06-01` }));
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().units.map((u: { id: string; photos: string[] }) => [u.id, u.photos])).toEqual([[free, [photo.id]]]);
    // Offered: the company's request shows the offered unit with its photos.
    const asked = await ctx.app.inject(
      as(founder, {
        method: 'POST',
        url: `${base}/requests`,
        headers: { 'idempotency-key': `photo-ask-${free}` },
        payload: { organizationId: org, areaM2: 50, startsOn: '2027-03-01', months: 3 },
      }),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const offer = await ctx.app.inject(
      as(operator, {
        method: 'POST',
        url: `${base}/requests/${asked.json().id}/offer`,
        headers: { 'idempotency-key': `photo-offer-${free}` },
        payload: { nodeIds: [free], hours: 48 },
      }),
    );
    expect(offer.statusCode, offer.body).toBe(200);
    const request = await ctx.app.inject(as(founder, { method: 'GET', url: `${base}/requests/${asked.json().id}` }));
    expect(request.json().offer.nodes).toMatchObject([{ id: free, photos: [photo.id] }]);

    const picture = await ctx.app.inject(as(founder, { method: 'GET', url: `${base}/nodes/${leased}/photos/${photo.id}` }));
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.headers['content-disposition']).toBe('inline');
    expect(picture.rawPayload.equals(png)).toBe(true);
    // A file of the hub the node does not list, a node of another hub, or nobody signed in: no picture.
    expect((await ctx.app.inject(as(founder, { method: 'GET', url: `${base}/nodes/${leased}/photos/${elsewhere.id}` }))).statusCode).toBe(404);
    const otherHub = await createTestHub(ctx);
    const stranger = await createTestUser(ctx, { hub: otherHub, roles: ['hub_admin'] });
    expect(
      (await ctx.app.inject(as(stranger, { method: 'GET', url: `/api/hubs/${otherHub.slug}/spaces/nodes/${leased}/photos/${photo.id}` }))).statusCode,
    ).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `${base}/nodes/${leased}/photos/${photo.id}` })).statusCode).toBe(401);
    // The file itself stays the uploader's and staff's to download.
    expect((await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/files/${photo.id}` }))).statusCode).toBe(404);
  });
});

describe('list rents at the limit and beyond it', () => {
  it('a unit at the most list rent, and units left from before the limit at 18 digits on a million m², still show their holds, leases and offers', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 4 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const founder = await member(hub, org!);
    const [atMost, held, leased, offered] = park.units as [string, string, string, string];
    const base = `/api/hubs/${hub.slug}/spaces`;
    const send = (who: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      ctx.app.inject(
        as(who, { method, url: `${base}${url}`, ...(payload ? { payload } : {}), headers: { 'idempotency-key': `k-${url}-${method}-${hub.id}` } }),
      );

    // The most a unit may list at: CNY 100,000 a m² a month on a million m².
    expect((await send(operator, 'PATCH', `/nodes/${atMost}`, { listRent: '10000000', areaM2: 1_000_000 })).json()).toMatchObject({ listRent: '10000000' });
    const hold = await send(operator, 'POST', '/holds', {
      organizationId: org,
      nodeIds: [atMost, held],
      startsOn: '2027-01-01',
      endsOn: '2047-01-01',
      reason: 'Growth',
      decidedBy: 'Board',
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const lease = await send(operator, 'POST', '/leases', {
      organizationId: org,
      nodeIds: [leased],
      startsOn: '2027-01-01',
      endsOn: '2028-01-01',
      steps: [{ startsOn: '2027-01-01', endsOn: '2028-01-01', monthlyRent: '600000' }],
    });
    expect(lease.statusCode, lease.body).toBe(201);
    const asked = await send(founder, 'POST', '/requests', { organizationId: org, areaM2: 50, startsOn: '2027-03-01', months: 12 });
    expect((await send(operator, 'POST', `/requests/${asked.json().id}/offer`, { nodeIds: [offered], hours: 48 })).statusCode).toBe(200);

    // Rows from before the limit: 18-digit rents on a million m² each (a month at list price past a bigint).
    const legacy = 999_999_999_999_999_999n;
    await ctx.database.db.execute(
      sql`UPDATE space_nodes SET list_rent = ${legacy.toString()}::bigint, area_m2 = 1000000 WHERE hub_id = ${hub.id} AND id IN (${held}, ${leased}, ${offered})`,
    );
    const holds = await send(operator, 'GET', '/holds');
    expect(holds.statusCode, holds.body).toBe(200);
    // 2027-01-01 to 2047-01-01: 7,305 days of (10^13 + 10^24 - 10^6) fen a month, at 12 months a 365 days.
    const monthly = 1_000_000n * 10_000_000n + 1_000_000n * legacy;
    expect(holds.json().items.find((h: { id: string }) => h.id === hold.json().id).cost.toExpiry).toBe(((monthly * 12n * 7305n) / 365n).toString());
    expect((await send(operator, 'GET', `/holds/${hold.json().id}`)).statusCode).toBe(200);
    // The hub dashboard's cost of space held vacant, January 2027: a month of both held units at list price.
    expect((await spaceAreaTrend(ctx.database.db, hub.id, '2027-01-01', '2027-02-01'))[0]).toMatchObject({ heldM2: 2_000_000, heldVacantCost: monthly });
    const leases = await send(founder, 'GET', '/leases');
    expect([leases.statusCode, leases.json().items?.[0]?.id]).toEqual([200, lease.json().id]);
    const offer = await send(founder, 'GET', `/requests/${asked.json().id}`);
    // Its terms cannot be planned (a month's rent past what a lease's step holds), so none are shown, and accepting is refused.
    expect([offer.statusCode, offer.json().offer?.terms]).toEqual([200, null]);
    const accept = await send(founder, 'POST', `/requests/${asked.json().id}/accept`);
    expect([accept.statusCode, accept.json().error?.fields]).toMatchObject([409, [{ path: 'nodeIds', code: 'TOO_BIG' }]]);
    expect((await send(operator, 'GET', '/requests')).statusCode).toBe(200);
  });
});

async function codeOf(id: string): Promise<string> {
  const { rows } = await ctx.database.db.execute<{ code: string }>(sql`SELECT code FROM space_nodes WHERE id = ${id}`);
  return rows[0]!.code;
}

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { operatePark, spaceOrgs, spacePark } from '../../test/space-factories.js';

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
const count = async (table: 'space_leases' | 'space_holds' | 'space_claims', hubId: string) =>
  (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE hub_id = ${hubId}`)).rows[0]!.n;
const lease = (organizationId: string, nodeIds: string[], startsOn = '2027-01-01', endsOn = '2028-01-01') => ({
  organizationId,
  nodeIds,
  startsOn,
  endsOn,
  steps: [{ startsOn, endsOn, monthlyRent: '600000' }],
});

describe('spaces over HTTP', () => {
  it('an operator builds a tree, holds a building, leases a unit elsewhere; the company sees its own only; others get 404', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const otherOperator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const base = `/api/hubs/${hub.slug}/spaces`;
    const post = (who: TestUser, url: string, payload: object, key?: string) =>
      ctx.app.inject(as(who, { method: 'POST', url: `${base}${url}`, payload, headers: key ? { 'idempotency-key': key } : {} }));

    const park = await post(operator, '/nodes', { kind: 'park', code: 'DT', name: { zh: '梦想小镇', en: 'Dream Town' } });
    expect(park.statusCode, park.body).toBe(201);
    const building = (
      await post(operator, '/nodes', { parentId: park.json().id, kind: 'building', code: 'DT-A', name: { zh: 'A 座', en: 'Building A' } })
    ).json();
    const unit = await post(operator, '/nodes', {
      parentId: building.id,
      kind: 'unit',
      unitKind: 'office',
      code: 'DT-A-101',
      name: { zh: '101', en: '101' },
      areaM2: 120.5,
      seats: 12,
      listRent: '6000',
      features: ['fibre'],
    });
    expect(unit.statusCode, unit.body).toBe(201);
    expect(unit.json()).toMatchObject({ areaM2: 120.5, listRent: '6000', operates: true });
    const building2 = (
      await post(operator, '/nodes', { parentId: park.json().id, kind: 'building', code: 'DT-B', name: { zh: 'B 座', en: 'Building B' } })
    ).json();
    await post(operator, '/nodes', {
      parentId: building2.id,
      kind: 'unit',
      unitKind: 'office',
      code: 'DT-B-101',
      name: { zh: '101', en: '101' },
      areaM2: 200,
      listRent: '5000',
    });
    // Another operator sees the (public) tree, but writing into a park they do not run answers 404.
    expect(
      (
        await post(otherOperator, '/nodes', {
          parentId: building.id,
          kind: 'unit',
          unitKind: 'desk',
          code: 'DT-A-X',
          name: { zh: 'x', en: 'x' },
          areaM2: 5,
          listRent: '1',
        })
      ).statusCode,
    ).toBe(404);

    const [gameScience, brainCo] = await spaceOrgs(ctx.database.db, hub, 2);
    const held = await post(
      operator,
      '/holds',
      {
        organizationId: gameScience,
        nodeIds: [building2.id],
        startsOn: '2027-01-01',
        endsOn: '2030-01-01',
        reason: 'Room to grow',
        decidedBy: 'District government',
      },
      'hold-key-0001',
    );
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({ areaM2: 200, status: 'active', nodes: [{ code: 'DT-B' }] });
    // 200 m² × CNY 50 × 12 months × 1,096 days / 365: what keeping it empty costs.
    expect(held.json().cost.toExpiry).toBe(((200n * 5000n * 12n * 1096n) / 365n).toString());
    const replay = await post(
      operator,
      '/holds',
      {
        organizationId: gameScience,
        nodeIds: [building2.id],
        startsOn: '2027-01-01',
        endsOn: '2030-01-01',
        reason: 'Room to grow',
        decidedBy: 'District government',
      },
      'hold-key-0001',
    );
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await count('space_holds', hub.id)).toBe(1);

    // Leasing a unit inside the held building: 409 naming the building and the hold's dates.
    const unitB = (await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/nodes?parkId=${park.json().id}` })))
      .json()
      .items.find((n: { code: string }) => n.code === 'DT-B-101');
    const clash = await ctx.app.inject(
      as(operator, {
        method: 'POST',
        url: `${base}/leases`,
        payload: lease(brainCo!, [unitB.id], '2028-03-01', '2029-03-01'),
        headers: { 'accept-language': 'zh-CN' },
      }),
    );
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'SPACE_NOT_AVAILABLE',
      fields: [{ path: 'nodeIds.0', code: 'SPACE_TAKEN', detail: 'DT-B 2027-01-01/2030-01-01' }],
    });
    expect(clash.json().error.message).toMatch(/已被租用或保留/);

    const signed = await post(operator, '/leases', lease(brainCo!, [unit.json().id]), 'lease-key-0001');
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({
      status: 'active',
      areaM2: 120.5,
      steps: [{ monthlyRent: '600000', tenantShare: '600000', subsidyShare: '0' }],
      subsidy: null,
    });

    const company = await member(hub, brainCo!);
    const stranger = await member(hub, gameScience!);
    const mine = await ctx.app.inject(as(company, { method: 'GET', url: `${base}/leases` }));
    expect(mine.json().items.map((l: { id: string }) => l.id)).toEqual([signed.json().id]);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `${base}/leases` }))).json().items).toEqual([]);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `${base}/leases?organizationId=${brainCo}` }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `${base}/leases/${signed.json().id}` }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(otherOperator, { method: 'GET', url: `${base}/leases/${signed.json().id}` }))).statusCode).toBe(404);
    // Another park's operator writing here: 404 on every write, never 403.
    expect((await post(otherOperator, '/leases', lease(brainCo!, [unitB.id], '2031-01-01', '2032-01-01'), 'other-op-lease')).statusCode).toBe(404);
    expect(
      (
        await post(
          otherOperator,
          '/holds',
          { organizationId: brainCo, nodeIds: [unit.json().id], startsOn: '2031-01-01', endsOn: '2032-01-01', reason: 'x', decidedBy: 'y' },
          'other-op-hold',
        )
      ).statusCode,
    ).toBe(404);
    expect((await post(otherOperator, `/holds/${held.json().id}/release`, {})).statusCode).toBe(404);
    expect((await post(otherOperator, `/leases/${signed.json().id}/end`, { endsOn: '2027-06-01', reason: 'tenant_left' }, 'other-op-end')).statusCode).toBe(
      404,
    );
    expect(
      (
        await ctx.app.inject(
          as(company, { method: 'POST', url: `${base}/leases/${signed.json().id}/end`, payload: { endsOn: '2027-06-01', reason: 'tenant_left' } }),
        )
      ).statusCode,
    ).toBe(403);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `${base}/holds/${held.json().id}` }))).statusCode).toBe(200);
    expect((await ctx.app.inject(as(company, { method: 'GET', url: `${base}/holds/${held.json().id}` }))).statusCode).toBe(404);

    // Another hub sees none of it.
    const otherHub = await createTestHub(ctx);
    const otherAdmin = await createTestUser(ctx, { hub: otherHub, roles: ['hub_admin'] });
    expect((await ctx.app.inject(as(otherAdmin, { method: 'GET', url: `/api/hubs/${otherHub.slug}/spaces/leases/${signed.json().id}` }))).statusCode).toBe(404);
    expect(
      (await ctx.app.inject(as(otherAdmin, { method: 'POST', url: `/api/hubs/${otherHub.slug}/spaces/leases`, payload: lease(brainCo!, [unitB.id]) })))
        .statusCode,
    ).toBe(404);

    // The availability search leaves out the held building and the leased unit.
    const free = await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/availability?from=2027-06-01&to=2027-07-01` }));
    expect(free.json().units).toEqual([]);
    const later = await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/availability?from=2028-02-01&to=2028-03-01&feature=fibre` }));
    expect(later.json().units.map((u: { code: string }) => u.code)).toEqual(['DT-A-101']);

    // Release part of the hold's time; then the unit can be leased from that day.
    const releaseKey = `release-${held.json().id}`;
    const released = await post(operator, `/holds/${held.json().id}/release`, { from: '2028-03-01' }, releaseKey);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', releasedOn: '2028-03-01' });
    // A retry with the key answers the first result; the same key with another body is refused.
    const again = await post(operator, `/holds/${held.json().id}/release`, { from: '2028-03-01' }, releaseKey);
    expect([again.statusCode, again.headers['idempotent-replayed'], again.json()]).toEqual([200, 'true', released.json()]);
    expect((await post(operator, `/holds/${held.json().id}/release`, { from: '2028-04-01' }, releaseKey)).statusCode).toBe(422);
    expect((await post(operator, '/leases', lease(brainCo!, [unitB.id], '2028-03-01', '2029-03-01'))).statusCode).toBe(201);
  });

  it('releasing some units of a hold keeps the others held: the hold stays active, the released unit can be leased', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [a, b] = await spaceOrgs(ctx.database.db, hub, 2);
    const [kept, freed] = park.units as [string, string];
    const base = `/api/hubs/${hub.slug}/spaces`;
    const post = (url: string, payload: object) =>
      ctx.app.inject(as(operator, { method: 'POST', url: `${base}${url}`, payload, headers: { 'idempotency-key': `${url}-${hub.id}` } }));
    const held = await post('/holds', {
      organizationId: a,
      nodeIds: [kept, freed],
      startsOn: '2027-01-01',
      endsOn: '2029-01-01',
      reason: 'Growth',
      decidedBy: 'Board',
    });
    expect(held.statusCode, held.body).toBe(201);
    const released = await post(`/holds/${held.json().id}/release`, { nodeIds: [freed], from: '2027-01-01' });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'active', releasedOn: null });
    expect((await post('/leases', lease(b!, [freed]))).statusCode).toBe(201);
    const clash = await ctx.app.inject(as(operator, { method: 'POST', url: `${base}/leases`, payload: lease(b!, [kept]) }));
    expect([clash.statusCode, clash.json().error.code]).toEqual([409, 'SPACE_NOT_AVAILABLE']);
  });

  it('bad input is a 400 with the field, in both languages, and writes nothing', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const base = `/api/hubs/${hub.slug}/spaces`;
    const send = (url: string, payload: object, lang = 'en-US') =>
      ctx.app.inject(as(operator, { method: 'POST', url: `${base}${url}`, payload, headers: { 'accept-language': lang } }));
    const fieldsOf = (res: { json: () => { error: { fields?: { path: string; code: string }[] } } }) =>
      res.json().error.fields?.map((f) => `${f.path} ${f.code}`);
    const floor = park.buildings[0]!.floors[0]!;

    const cases: [string, object, string][] = [
      ['/leases', { ...lease(org!, [floor.units[0]!]), endsOn: '2026-01-01' }, 'endsOn ENDS_BEFORE_START'],
      [
        '/leases',
        {
          ...lease(org!, [floor.units[0]!]),
          steps: [
            { startsOn: '2027-01-01', endsOn: '2027-05-01', monthlyRent: '1' },
            { startsOn: '2027-06-01', endsOn: '2028-01-01', monthlyRent: '1' },
          ],
        },
        'steps.1.startsOn STEPS_GAP',
      ],
      [
        '/leases',
        {
          ...lease(org!, [floor.units[0]!]),
          steps: [
            { startsOn: '2027-01-01', endsOn: '2027-07-01', monthlyRent: '1' },
            { startsOn: '2027-06-01', endsOn: '2028-01-01', monthlyRent: '1' },
          ],
        },
        'steps.1.startsOn STEPS_OVERLAP',
      ],
      [
        '/leases',
        { ...lease(org!, [floor.units[0]!]), steps: [{ startsOn: '2027-01-01', endsOn: '2028-01-01', monthlyRent: '600000', monthlySubsidy: '1' }] },
        'steps.0.monthlySubsidy ABOVE_CAP',
      ],
      ['/leases', lease(org!, [floor.id, floor.units[0]!]), 'nodeIds.1 NESTED_SPACES'],
      [
        '/nodes',
        { parentId: floor.id, kind: 'unit', unitKind: 'office', code: 'BAD-1', name: { zh: 'x', en: 'x' }, areaM2: 0, listRent: '1' },
        'areaM2 TOO_SMALL',
      ],
      [
        '/nodes',
        { parentId: floor.id, kind: 'unit', unitKind: 'office', code: 'BAD-2', name: { zh: 'x\u0000', en: 'x' }, areaM2: 5, listRent: '1' },
        'name.zh INVALID_CHARACTERS',
      ],
      [
        '/holds',
        { organizationId: org, nodeIds: [floor.id], startsOn: '2027-01-01', endsOn: '2028-01-01', reason: '\ud800', decidedBy: 'x' },
        'reason INVALID_CHARACTERS',
      ],
      // At most 20 years held or leased (a lease's months are counted one by one).
      ['/leases', lease(org!, [floor.units[0]!], '2027-01-01', '2047-01-02'), 'endsOn TOO_BIG'],
      [
        '/holds',
        { organizationId: org, nodeIds: [floor.id], startsOn: '0001-01-01', endsOn: '9999-12-31', reason: 'Forever', decidedBy: 'x' },
        'endsOn TOO_BIG',
      ],
      // A list rent of at most CNY 100,000 a m² a month (area × rent × months stays inside a bigint).
      [
        '/nodes',
        { parentId: floor.id, kind: 'unit', unitKind: 'office', code: 'BAD-3', name: { zh: 'x', en: 'x' }, areaM2: 5, listRent: '10000001' },
        'listRent TOO_BIG',
      ],
    ];
    for (const [url, payload, expected] of cases) {
      for (const lang of ['en-US', 'zh-CN']) {
        const res = await send(url, payload, lang);
        expect(res.statusCode, `${expected}: ${res.body}`).toBe(400);
        expect(fieldsOf(res)).toContain(expected);
        expect(res.json().error.message).toMatch(lang === 'zh-CN' ? /[\u4e00-\u9fff]/ : /^[\x20-\x7e’]+$/);
      }
    }
    // A search or a chart of at most 20 years of days (each day or month of it is computed).
    for (const url of ['availability', 'occupancy']) {
      const res = await ctx.app.inject(as(operator, { method: 'GET', url: `${base}/${url}?from=0001-01-01&to=9999-12-31` }));
      expect([res.statusCode, fieldsOf(res)], url).toEqual([400, ['to TOO_BIG']]);
    }
    // Photos are pictures the caller uploaded in this hub: one uploaded here is taken; another
    // hub's file answers as a missing one (400 FILE_NOT_FOUND); a file that is not a picture is a 400 on that photo.
    const upload = (who: TestUser, hubSlug: string, content: Buffer, name: string) =>
      ctx.app.inject(
        as(who, { method: 'POST', url: `/api/hubs/${hubSlug}/files?name=${name}`, payload: content, headers: { 'content-type': 'application/octet-stream' } }),
      );
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const photo = (await upload(operator, hub.slug, png, 'unit.png')).json();
    expect(photo.mediaType).toBe('image/png');
    const note = (await upload(operator, hub.slug, Buffer.from('not a picture'), 'note.txt')).json();
    const elsewhereHub = await createTestHub(ctx);
    const elsewhere = await createTestUser(ctx, { hub: elsewhereHub, roles: ['space_manager'] });
    const foreign = (await upload(elsewhere, elsewhereHub.slug, png, 'theirs.png')).json();
    const withPhotos = (code: string, photos: string[]) =>
      send('/nodes', {
        parentId: floor.id,
        kind: 'unit',
        unitKind: 'office',
        code,
        name: { zh: code, en: code },
        areaM2: 30,
        listRent: '6000',
        photos,
      });
    const pictured = await withPhotos('PH-102', [photo.id]);
    expect(pictured.statusCode, pictured.body).toBe(201);
    expect(pictured.json().photos).toEqual([photo.id]);
    const foreignPhoto = await withPhotos('PH-103', [foreign.id]);
    expect(foreignPhoto.statusCode).toBe(400);
    expect(foreignPhoto.json().error.fields).toMatchObject([{ path: 'photos.0', code: 'FILE_NOT_FOUND' }]);
    const notPicture = await withPhotos('PH-104', [photo.id, note.id]);
    expect(notPicture.statusCode).toBe(400);
    expect(notPicture.json().error.fields).toMatchObject([{ path: 'photos.1', code: 'WRONG_FILE_TYPE' }]);

    expect(await count('space_leases', hub.id)).toBe(0);
    expect(await count('space_holds', hub.id)).toBe(0);
    expect(await count('space_claims', hub.id)).toBe(0);
  });
});

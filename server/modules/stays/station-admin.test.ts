import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { localToday } from './stay-dates.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('station administration', () => {
  it('a hub admin opens a station and names its manager; nobody else may, and bad input is a 400 on its field', async () => {
    const hub = await createTestHub(ctx, { districts: [{ code: 'gongshu', name: { zh: '拱墅区', en: 'Gongshu' } }] });
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    const graduate = await createTestUser(ctx);
    const url = `/api/hubs/${hub.slug}/stays/stations`;
    const today = localToday(hub.timeZone);
    const station = {
      name: { zh: '青荷驿站·拱墅站', en: 'Qinghe Youth Station, Gongshu' },
      address: { zh: '杭州市拱墅区', en: 'Gongshu District, Hangzhou' },
      district: 'gongshu',
      rules: {},
      opensOn: today,
      rooms: [
        { name: '101', beds: 4 },
        { name: '102', beds: 2 },
      ],
    };
    expect((await ctx.app.inject(as(graduate, { method: 'POST', url, payload: station }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(manager, { method: 'POST', url, payload: station }))).statusCode).toBe(404);
    const bad = await ctx.app.inject(as(admin, { method: 'POST', url, payload: { ...station, closesOn: '2020-01-01', rooms: [{ name: '1', beds: 0 }] } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual(
      expect.arrayContaining([
        ['rooms.0.beds', 'TOO_SMALL'],
        ['closesOn', 'ENDS_BEFORE_START'],
      ]),
    );

    // The district is a code of the hub's list, as an organisation's is; its name is the hub's.
    for (const district of ['Gongshu', 'xihu']) {
      const refused = await ctx.app.inject(as(admin, { method: 'POST', url, payload: { ...station, district } }));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual([
        expect.objectContaining({ path: 'district', code: district === 'xihu' ? 'UNKNOWN_DISTRICT' : 'INVALID_FORMAT' }),
      ]);
    }

    const created = await ctx.app.inject(as(admin, { method: 'POST', url, payload: station }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ beds: 6, rules: { maxNightsPerStay: 6, maxNightsLifetime: 6, minDegree: 'junior_college' }, managed: false });
    const id = created.json().id;
    const assign = (email: string) => ctx.app.inject(as(admin, { method: 'POST', url: `${url}/${id}/managers`, payload: { email } }));
    // No account, or an account that is not a station manager here: the same answer.
    const answer = async (email: string) => {
      const r = await assign(email);
      return [r.statusCode, r.json().error.code, r.json().error.fields];
    };
    const notHere = [404, 'USER_NOT_FOUND', [expect.objectContaining({ path: 'email', code: 'NOT_IN_HUB' })]];
    expect(await answer(graduate.email)).toEqual(notHere);
    expect(await answer('nobody@nowhere.example')).toEqual(notHere);
    // Anyone but a hub admin is refused before the address is looked at.
    for (const someone of [graduate, manager]) {
      const tries = ['nobody@nowhere.example', manager.email].map((email) =>
        ctx.app.inject(as(someone, { method: 'POST', url: `${url}/${id}/managers`, payload: { email } })),
      );
      expect((await Promise.all(tries)).map((r) => [r.statusCode, r.json().error.code])).toEqual([
        [404, 'NOT_FOUND'],
        [404, 'NOT_FOUND'],
      ]);
    }
    expect((await assign(manager.email)).statusCode).toBe(204);
    const seen = (await ctx.app.inject(as(manager, { method: 'GET', url }))).json().items;
    expect(seen.map((s: { id: string; managed: boolean }) => [s.id, s.managed])).toEqual([[id, true]]);
  });
});

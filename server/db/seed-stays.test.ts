import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../test/harness.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { localToday } from '../platform/hub-time.js';
import { addDays } from '../modules/stays/stay-dates.js';
import { readStaysSeed, seedStays } from './seed-stays.js';
import { readHubsSeed } from './seed.js';
import { yearsAgo } from '../test/test-window.js';

// The demo stations and catalogue seeded into a hub of this test's own, then used the way
// the demo graduate and station manager use them.

let ctx: TestContext;
let hub: HubRow;
let admin: TestUser;
let manager: TestUser;

beforeAll(async () => {
  ctx = await startTestApp();
  // The demo hub's districts, which the demo stations are in.
  hub = await createTestHub(ctx, { districts: readHubsSeed().find((h) => h.slug === 'hangzhou')!.districts ?? [] });
  admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
  expect(await seedStays(ctx.database.db, admin.email, { ...readStaysSeed(), hub: hub.slug, manager: manager.email })).toEqual({ stations: 3 });
});

describe('demo stays seed', () => {
  it('opens three Hangzhou youth stations of 6 nights a stay, all managed by the station manager, and the A-E catalogue', async () => {
    const stations = (await ctx.app.inject(as(manager, { method: 'GET', url: `/api/hubs/${hub.slug}/stays/stations` }))).json().items;
    expect(
      stations.map((s: { district: string; beds: number; managed: boolean; rules: { maxNightsPerStay: number } }) => [
        s.district,
        s.beds,
        s.managed,
        s.rules.maxNightsPerStay,
      ]),
    ).toEqual([
      ['yuhang', 24, true, 6],
      ['binjiang', 18, true, 6],
      ['xihu', 20, true, 6],
    ]);
    const catalogue = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/talent/catalogue` })).json();
    expect(catalogue.map((c: { tier: string }) => c.tier)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(await seedStays(ctx.database.db, admin.email, { ...readStaysSeed(), hub: hub.slug, manager: manager.email })).toEqual({ stations: 0 });
  });

  it('a master’s graduate of a year ago books a week there and the manager checks them in', async () => {
    const graduate = await createTestUser(ctx);
    const verified = await ctx.app.inject(
      as(graduate, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/talent/graduate`,
        payload: { name: { zh: '王芳', en: 'Wang Fang' }, degree: { university: 'Zhejiang University', level: 'master', graduatesOn: yearsAgo(1) } },
      }),
    );
    expect(verified.json()).toMatchObject({ verified: true, eligible: true });
    const station = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/stays/stations` })).json().items[0];
    const today = localToday(hub.timeZone);
    const booking = await ctx.app.inject(
      as(graduate, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/stays/bookings`,
        payload: { stationId: station.id, checkIn: today, checkOut: addDays(today, 6) },
      }),
    );
    expect(booking.statusCode, booking.body).toBe(201);
    const checkIn = await ctx.app.inject(as(manager, { method: 'POST', url: `/api/hubs/${hub.slug}/stays/check-in`, payload: { code: booking.json().code } }));
    expect(checkIn.json().status).toBe('checked_in');
  });
});

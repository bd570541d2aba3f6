import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../platform/hub-time.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { awardInPayment } from '../../test/review-factories.js';
import { spacePark } from '../../test/space-factories.js';
import { graduates, stayStation } from '../../test/stay-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const day = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('getHubDashboard', () => {
  it('shows what the money produced (committed, paid, left, awards, per program, per month) and stays, space and compute use; staff-only', async () => {
    // A CNY 1 m reviewed grant awarded: 40% paid with the award, 60% committed.
    const w = await awardInPayment(ctx, []);
    const admin = await createTestUser(ctx, { hub: w.hub, roles: ['hub_admin'] });
    const auditor = await createTestUser(ctx, { hub: w.hub, roles: ['auditor'] });
    const today = localToday(w.hub.timeZone);
    // A station of 4 beds: one stay of 6 nights inside the last 30, one cancelled (not slept).
    const station = await stayStation(ctx.database.db, w.hub, 4);
    const [guest] = await graduates(ctx.database.db, w.hub, 1);
    const booking = (id: string, from: number, to: number, status: string, bed: string) => sql`
      INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
      VALUES (${w.hub.id}, gen_random_uuid(), ${station.id}, ${bed}, ${guest!.personId}, ${guest!.userId}, ${day(today, from)}, ${day(today, to)}, ${status}, ${id})`;
    await ctx.database.db.execute(booking('DASH1', -10, -4, 'checked_out', station.bedIds[0]!));
    await ctx.database.db.execute(booking('DASH2', -3, -1, 'cancelled', station.bedIds[1]!));
    // A park of three 100 m² units.
    await spacePark(ctx.database.db, w.hub, { buildings: 1, floors: 1, units: 3 });

    const res = await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard` }));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.year).toBe(2026);
    expect(d.money).toMatchObject({ committed: '60000000', paid: '40000000' });
    expect(BigInt(d.money.left) + BigInt(d.money.committed) + BigInt(d.money.paid) + BigInt(d.money.unallocated)).toBe(BigInt(d.money.envelope));
    expect(d.awards).toEqual({ count: 1, amount: '100000000' });
    expect(d.programs).toEqual([expect.objectContaining({ id: w.program.id, awards: 1, awarded: '100000000', disbursed: '40000000' })]);
    expect(d.months).toEqual([{ month: today.slice(0, 7), committed: '100000000', paid: '40000000' }]);
    expect(d.stays).toEqual({ beds: 4, bedNights: 120, occupiedNights: 6, from: day(today, -30), to: today });
    expect(d.spaces).toEqual({ totalM2: 300, leasedM2: 0, heldM2: 0, on: today });
    expect(d.compute).toEqual({ capacityGpuHours: 0, reservedGpuHours: 0, from: day(today, -30), to: today });
    // Trends: the 12 months ending with this one. The station opened today with 4 beds: this month offers 4 beds x the nights left in it;
    // the 6 slept nights fall in the last month or two (the cancelled stay not at all); 3 units, none leased or held; no quota.
    for (const series of [d.trends.stays, d.trends.spaces, d.trends.compute]) {
      expect(series).toHaveLength(12);
      expect(series.at(-1).month).toBe(today.slice(0, 7));
    }
    const [y, m] = today.split('-').map(Number);
    const nightsLeft = new Date(Date.UTC(y!, m!, 0)).getUTCDate() - Number(today.slice(8)) + 1;
    expect(d.trends.stays.at(-1).nightsAvailable).toBe(4 * nightsLeft);
    expect(d.trends.stays.reduce((s: number, x: { nightsBooked: number }) => s + x.nightsBooked, 0)).toBe(6);
    expect(d.trends.spaces.at(-1)).toEqual({ month: today.slice(0, 7), leasedM2: 0, heldM2: 0, heldVacantCost: '0' });
    expect(d.trends.compute.every((x: { usedGpuHours: number; quotaGpuHours: number }) => x.usedGpuHours === 0 && x.quotaGpuHours === 0)).toBe(true);

    // The auditor reads it too; a program officer, a finance officer and someone signed out may not (404, as for any object they may not read).
    expect((await ctx.app.inject(as(auditor, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard` }))).statusCode).toBe(200);
    expect((await ctx.app.inject(as(w.officer, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard` }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(w.finance, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard` }))).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard` })).statusCode).toBe(401);
    // Another hub's admin sees nothing of this hub.
    const other = await createTestHub(ctx);
    const otherAdmin = await createTestUser(ctx, { hub: other, roles: ['hub_admin'] });
    expect((await ctx.app.inject(as(otherAdmin, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard` }))).statusCode).toBe(404);
    // A year the hub never opened: 404; a year that is not a year: 400 naming it, in both languages.
    expect((await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard?year=2031` }))).statusCode).toBe(404);
    for (const lang of ['en-US', 'zh-CN']) {
      const bad = await ctx.app.inject(
        as(admin, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard?year=twenty`, headers: { 'accept-language': lang } }),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('year');
    }
  });
});

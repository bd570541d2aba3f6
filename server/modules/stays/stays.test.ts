import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { manageStation, stayStation } from '../../test/stay-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { releaseNoShows } from './front-desk.service.js';
import { addDays, localToday } from './stay-dates.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** A signed-in graduate who verified themselves (a bachelor's, by default 200 days ago). */
async function graduate(hub: HubRow, graduatesOn = addDays(localToday(hub.timeZone), -200)): Promise<TestUser> {
  const user = await createTestUser(ctx);
  const res = await ctx.app.inject(
    as(user, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/talent/graduate`,
      payload: { name: { zh: '李明', en: 'Li Ming' }, degree: { university: 'Zhejiang University', level: 'bachelor', graduatesOn } },
    }),
  );
  expect(res.statusCode, res.body).toBe(200);
  return user;
}

async function bookingCount(hubId: string): Promise<number> {
  const { rows } = await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stay_bookings WHERE hub_id = ${hubId}`);
  return rows[0]!.n;
}

describe('stays over HTTP', () => {
  it('a graduate books a week and sees it; the station manager checks them in and out; others see nothing', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 4);
    const other = await stayStation(ctx.database.db, hub, 4);
    const manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    const otherManager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    await manageStation(ctx.database.db, hub, station.id, manager.id);
    await manageStation(ctx.database.db, hub, other.id, otherManager.id);
    const grad = await graduate(hub);
    const stranger = await graduate(hub);
    const today = localToday(hub.timeZone);
    const base = `/api/hubs/${hub.slug}/stays`;

    const search = await ctx.app.inject({ method: 'GET', url: `${base}/availability?from=${today}&to=${addDays(today, 6)}&station=${station.id}` });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().stations[0].freeForRange).toBe(4);

    const booked = await ctx.app.inject(
      as(grad, { method: 'POST', url: `${base}/bookings`, payload: { stationId: station.id, checkIn: today, checkOut: addDays(today, 6) } }),
    );
    expect(booked.statusCode, booked.body).toBe(201);
    const booking = booked.json();
    expect(booking).toMatchObject({ nights: 6, status: 'confirmed', guest: { name: null } });
    expect(booking.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const after = await ctx.app.inject({ method: 'GET', url: `${base}/availability?from=${today}&to=${addDays(today, 6)}&station=${station.id}` });
    expect(after.json().stations[0].freeForRange).toBe(3);

    const mine = await ctx.app.inject(as(grad, { method: 'GET', url: `${base}/bookings` }));
    expect(mine.json().items.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `${base}/bookings` }))).json().items).toEqual([]);
    for (const who of [stranger, otherManager]) {
      expect((await ctx.app.inject(as(who, { method: 'GET', url: `${base}/bookings/${booking.id}` }))).statusCode).toBe(404);
      expect((await ctx.app.inject(as(who, { method: 'POST', url: `${base}/bookings/${booking.id}/cancel` }))).statusCode).toBe(404);
    }
    // Stations are public, so another station's manager is told no (403) rather than 404.
    expect((await ctx.app.inject(as(otherManager, { method: 'GET', url: `${base}/bookings?station=${station.id}` }))).statusCode).toBe(403);
    expect(
      (await ctx.app.inject(as(grad, { method: 'GET', url: `${base}/stations/${station.id}/occupancy?from=${today}&to=${addDays(today, 3)}` }))).statusCode,
    ).toBe(403);
    const elsewhere = await ctx.app.inject(as(otherManager, { method: 'POST', url: `${base}/check-in`, payload: { code: booking.code } }));
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([404, 'CHECKIN_CODE_WRONG']);
    // A mistyped code says the code is wrong, in the desk's language, naming the field.
    const typo = await ctx.app.inject(
      as(manager, { method: 'POST', url: `${base}/check-in`, payload: { code: 'NOPE1234' }, headers: { 'accept-language': 'zh-CN' } }),
    );
    expect(typo.statusCode).toBe(404);
    expect(typo.json().error).toMatchObject({
      code: 'CHECKIN_CODE_WRONG',
      message: expect.stringContaining('入住码不正确'),
      fields: [expect.objectContaining({ path: 'code' })],
    });
    expect((await ctx.app.inject(as(grad, { method: 'POST', url: `${base}/check-in`, payload: { code: booking.code } }))).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `${base}/bookings/${booking.id}` })).statusCode).toBe(401);

    const desk = await ctx.app.inject(as(manager, { method: 'GET', url: `${base}/bookings?station=${station.id}` }));
    expect(desk.json().items).toEqual([
      expect.objectContaining({ id: booking.id, guest: { personId: booking.guest.personId, name: { zh: '李明', en: 'Li Ming' } } }),
    ]);
    const checkedIn = await ctx.app.inject(as(manager, { method: 'POST', url: `${base}/check-in`, payload: { code: booking.code.toLowerCase() } }));
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
    expect(checkedIn.json().status).toBe('checked_in');
    expect((await ctx.app.inject(as(manager, { method: 'POST', url: `${base}/check-in`, payload: { code: booking.code } }))).json().error.code).toBe(
      'BOOKING_NOT_ACTIVE',
    );

    // Leaving after the first night gives the other five back.
    const out = await ctx.app.inject(as(manager, { method: 'POST', url: `${base}/bookings/${booking.id}/check-out` }));
    expect(out.json()).toMatchObject({ status: 'checked_out', checkOut: addDays(today, 1), nights: 1 });
    const occupancy = await ctx.app.inject(
      as(manager, { method: 'GET', url: `${base}/stations/${station.id}/occupancy?from=${today}&to=${addDays(today, 3)}` }),
    );
    expect(occupancy.json().nights.map((n: { occupied: number }) => n.occupied)).toEqual([1, 0, 0]);
    // A busy station's year: 600 more (no-shows, so no bed is held twice), past the 500 a plain list reads.
    await ctx.database.db.execute(sql`
      INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
      SELECT hub_id, gen_random_uuid(), station_id, bed_id, person_id, user_id, check_in, check_out, 'no_show', 'NS' || g
      FROM stay_bookings, generate_series(1, 600) g WHERE hub_id = ${hub.id} AND id = ${booking.id}`);
    const xlsx = await ctx.app.inject(
      as(manager, { method: 'GET', url: `${base}/stations/${station.id}/bookings.xlsx?from=${today}&to=${addDays(today, 7)}` }),
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('bookings')!.actualRowCount).toBe(1 + 601);
    // The workbook names the guest: the manager's personal reads are the guest list's and the export's, each naming the guest.
    const { rows: reads } = await ctx.database.db.execute<{ subject_id: string }>(
      sql`SELECT subject_id FROM audit_events WHERE hub_id = ${hub.id} AND actor_id = ${manager.id} AND action = 'personal.read' ORDER BY seq`,
    );
    expect(reads.map((r) => r.subject_id)).toEqual([booking.guest.personId, booking.guest.personId]);
  });

  it('refuses bad dates, too many nights, the ineligible and a second overlapping stay, writing nothing', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 2, { maxNightsPerStay: 6 });
    const grad = await graduate(hub);
    const old = await graduate(hub, '2019-06-30');
    const unverified = await createTestUser(ctx);
    const today = localToday(hub.timeZone);
    const book = (who: TestUser, checkIn: string, checkOut: string, headers: Record<string, string> = {}) =>
      ctx.app.inject(
        as(who, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/stays/bookings`,
          payload: { stationId: station.id, checkIn, checkOut },
          headers: { 'accept-language': 'zh-CN', ...headers },
        }),
      );

    const past = await book(grad, addDays(today, -1), addDays(today, 2));
    expect([past.statusCode, past.json().error.fields[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'checkIn', code: 'IN_THE_PAST', message: '日期不能早于今天。' }),
    ]);
    const backwards = await book(grad, addDays(today, 3), addDays(today, 2));
    expect([backwards.statusCode, backwards.json().error.fields[0].code]).toEqual([400, 'ENDS_BEFORE_START']);
    const long = await book(grad, today, addDays(today, 7));
    expect([long.statusCode, long.json().error.code, long.json().error.fields[0].code]).toEqual([409, 'STAY_LIMIT_REACHED', 'TOO_MANY_NIGHTS']);
    const tooOld = await book(old, today, addDays(today, 2));
    expect([tooOld.statusCode, tooOld.json().error.code, tooOld.json().error.fields.map((f: { path: string }) => f.path)]).toEqual([
      403,
      'NOT_ELIGIBLE',
      ['graduation'],
    ]);
    const nobody = await book(unverified, today, addDays(today, 2));
    expect([nobody.statusCode, nobody.json().error.fields[0].path]).toEqual([403, 'person']);
    const garbage = await ctx.app.inject(
      as(grad, { method: 'POST', url: `/api/hubs/${hub.slug}/stays/bookings`, payload: { stationId: station.id, checkIn: '2026-02-30', checkOut: 'soon' } }),
    );
    expect(garbage.statusCode).toBe(400);
    expect(await bookingCount(hub.id)).toBe(0);

    const first = await book(grad, today, addDays(today, 3), { 'idempotency-key': 'stay-key-0001' });
    expect(first.statusCode).toBe(201);
    const replay = await book(grad, today, addDays(today, 3), { 'idempotency-key': 'stay-key-0001' });
    expect([replay.statusCode, replay.json().id, replay.headers['idempotent-replayed']]).toEqual([201, first.json().id, 'true']);
    const overlap = await book(grad, addDays(today, 2), addDays(today, 4));
    expect([overlap.statusCode, overlap.json().error.code]).toEqual([409, 'ALREADY_BOOKED']);
    expect(await bookingCount(hub.id)).toBe(1);
  });

  it('a blackout closes the station: refused with STATION_CLOSED, and search shows those nights closed', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 2);
    const grad = await graduate(hub);
    const today = localToday(hub.timeZone);
    await ctx.database.db.execute(
      sql`INSERT INTO stay_blackouts (hub_id, id, station_id, starts_on, ends_on, reason) VALUES (${hub.id}, gen_random_uuid(), ${station.id}, ${addDays(today, 2)}, ${addDays(today, 3)}, 'repairs')`,
    );
    const res = await ctx.app.inject(
      as(grad, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/stays/bookings`,
        payload: { stationId: station.id, checkIn: addDays(today, 1), checkOut: addDays(today, 4) },
      }),
    );
    expect([res.statusCode, res.json().error?.code], res.body).toEqual([409, 'STATION_CLOSED']);
    const search = (
      await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/stays/availability?from=${addDays(today, 1)}&to=${addDays(today, 4)}` })
    ).json();
    expect(search.stations[0].freeForRange).toBe(0);
    expect(search.stations[0].nights.map((n: { closed: boolean; free: number }) => [n.closed, n.free])).toEqual([
      [false, 2],
      [true, 0],
      [false, 2],
    ]);
    expect(await bookingCount(hub.id)).toBe(0);
  });

  it('search counts free beds per night from bookings that start before or end inside the range', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 3);
    const today = localToday(hub.timeZone);
    const d = (n: number) => addDays(today, n);
    const spans: [number, number][] = [
      [0, 2],
      [1, 4],
      [3, 5],
    ];
    const beds: string[] = [];
    for (const [from, to] of spans) {
      const res = await ctx.app.inject(
        as(await graduate(hub), {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/stays/bookings`,
          payload: { stationId: station.id, checkIn: d(from), checkOut: d(to) },
        }),
      );
      beds.push(res.json().bed.id);
    }
    const search = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/stays/availability?from=${d(1)}&to=${d(5)}` })).json().stations[0];
    expect(search.nights.map((n: { date: string; free: number }) => [n.date, n.free])).toEqual([
      [d(1), 1],
      [d(2), 2],
      [d(3), 1],
      [d(4), 2],
    ]);
    expect(search.freeForRange).toBe(3 - new Set(beds).size);
  });

  it('changing dates is atomic: refused, the old booking stands; accepted, the old one is replaced', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 1);
    const grad = await graduate(hub);
    const rival = await graduate(hub);
    const today = localToday(hub.timeZone);
    const base = `/api/hubs/${hub.slug}/stays`;
    const mine = (
      await ctx.app.inject(
        as(grad, { method: 'POST', url: `${base}/bookings`, payload: { stationId: station.id, checkIn: addDays(today, 1), checkOut: addDays(today, 3) } }),
      )
    ).json();
    await ctx.app.inject(
      as(rival, { method: 'POST', url: `${base}/bookings`, payload: { stationId: station.id, checkIn: addDays(today, 5), checkOut: addDays(today, 7) } }),
    );

    const clash = await ctx.app.inject(
      as(grad, { method: 'POST', url: `${base}/bookings/${mine.id}/change`, payload: { checkIn: addDays(today, 4), checkOut: addDays(today, 6) } }),
    );
    expect([clash.statusCode, clash.json().error.code]).toEqual([409, 'NO_AVAILABILITY']);
    expect((await ctx.app.inject(as(grad, { method: 'GET', url: `${base}/bookings/${mine.id}` }))).json().status).toBe('confirmed');

    // Overlapping its own old nights is fine: the old booking no longer counts.
    const moved = await ctx.app.inject(
      as(grad, { method: 'POST', url: `${base}/bookings/${mine.id}/change`, payload: { checkIn: addDays(today, 2), checkOut: addDays(today, 5) } }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ replacesId: mine.id, checkIn: addDays(today, 2), nights: 3, status: 'confirmed' });
    expect((await ctx.app.inject(as(grad, { method: 'GET', url: `${base}/bookings/${mine.id}` }))).json().status).toBe('changed');
    const cancelled = await ctx.app.inject(as(grad, { method: 'POST', url: `${base}/bookings/${moved.json().id}/cancel` }));
    expect(cancelled.json().status).toBe('cancelled');
    expect((await ctx.app.inject(as(grad, { method: 'POST', url: `${base}/bookings/${moved.json().id}/cancel` }))).json().error.code).toBe(
      'BOOKING_NOT_ACTIVE',
    );
  });

  it('a guest who has not come by the cut-off hour is released as a no-show; check-in is only on a night of the stay', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 1);
    const manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    await manageStation(ctx.database.db, hub, station.id, manager.id);
    const grad = await graduate(hub);
    const today = localToday(hub.timeZone);
    const base = `/api/hubs/${hub.slug}/stays`;
    const later = (
      await ctx.app.inject(
        as(grad, { method: 'POST', url: `${base}/bookings`, payload: { stationId: station.id, checkIn: addDays(today, 2), checkOut: addDays(today, 4) } }),
      )
    ).json();
    expect((await ctx.app.inject(as(manager, { method: 'POST', url: `${base}/check-in`, payload: { code: later.code } }))).json().error.code).toBe(
      'CHECK_IN_NOT_TODAY',
    );

    // The day after arrival, at any hour, the guest who never came is a no-show.
    expect(await releaseNoShows(ctx.database.db, hub, new Date(Date.now() + 3 * 86_400_000))).toBe(1);
    expect((await ctx.app.inject(as(grad, { method: 'GET', url: `${base}/bookings/${later.id}` }))).json().status).toBe('no_show');
    expect(await releaseNoShows(ctx.database.db, hub, new Date(Date.now() + 3 * 86_400_000))).toBe(0);
  });

  it('another hub’s station named in `station` is 404 (the bookings of a hub admin, availability for anyone), never an empty list', async () => {
    const hub = await createTestHub(ctx);
    const other = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const own = await stayStation(ctx.database.db, hub, 2);
    const foreign = await stayStation(ctx.database.db, other, 2);
    const from = addDays(localToday(hub.timeZone), 2);
    const to = addDays(from, 2);
    const get = (path: string) => ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/stays${path}` }));
    const answers = [];
    for (const path of [(id: string) => `/bookings?station=${id}`, (id: string) => `/availability?from=${from}&to=${to}&station=${id}`]) {
      const res = await get(path(foreign.id));
      const fields = (res.json().error?.fields ?? []) as { path: string; code: string }[];
      answers.push([path('…'), res.statusCode, fields.map((f) => `${f.path}:${f.code}`), (await get(path(own.id))).statusCode]);
    }
    expect(answers).toEqual([
      [`/bookings?station=…`, 404, ['station:NOT_IN_HUB'], 200],
      [`/availability?from=${from}&to=${to}&station=…`, 404, ['station:NOT_IN_HUB'], 200],
    ]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../modules/stays/stay-dates.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';
import { manageStation, stayStation } from '../../test/stay-factories.js';

/**
 * Personal data inside other answers is audited as a personal read (who, which records,
 * which fields): a station's guest list names its guests, an officer's review board names
 * the reviewers and their conflicts. A caller whose answer carries none writes nothing.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Event = { actor_id: string | null; subject_type: string; subject_id: string; payload: { fields: string[]; ids: string[]; result: string } };
async function personalReads(hubId: string): Promise<Event[]> {
  const { rows } = await ctx.database.db.execute<Event>(
    sql`SELECT actor_id, subject_type, subject_id, payload FROM audit_events WHERE hub_id = ${hubId} AND action = 'personal.read' ORDER BY seq`,
  );
  return rows;
}

describe('personal data inside other answers', () => {
  it("audits a station's guest list with the guests named; a graduate's own bookings (no names) write nothing", async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 4);
    const manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    await manageStation(ctx.database.db, hub, station.id, manager.id);
    const grad = await createTestUser(ctx);
    const today = localToday(hub.timeZone);
    const registered = await ctx.app.inject(
      as(grad, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/talent/graduate`,
        payload: { name: { zh: '李明', en: 'Li Ming' }, degree: { university: 'Zhejiang University', level: 'bachelor', graduatesOn: addDays(today, -200) } },
      }),
    );
    expect(registered.statusCode, registered.body).toBe(200);
    const base = `/api/hubs/${hub.slug}/stays/bookings`;
    const booked = await ctx.app.inject(
      as(grad, { method: 'POST', url: base, payload: { stationId: station.id, checkIn: today, checkOut: addDays(today, 3) } }),
    );
    expect(booked.statusCode, booked.body).toBe(201);
    const guestId = booked.json().guest.personId as string;
    const before = await personalReads(hub.id);

    const own = await ctx.app.inject(as(grad, { method: 'GET', url: base }));
    expect(own.json().items[0].guest.name).toBeNull();
    expect(await personalReads(hub.id)).toEqual(before);

    const list = await ctx.app.inject(as(manager, { method: 'GET', url: `${base}?station=${station.id}` }));
    expect(list.json().items[0].guest.name).toEqual({ zh: '李明', en: 'Li Ming' });
    expect((await personalReads(hub.id)).slice(before.length)).toEqual([
      {
        actor_id: manager.id,
        subject_type: 'person',
        subject_id: guestId,
        payload: expect.objectContaining({ fields: ['name'], ids: [guestId], result: 'ok' }),
      },
    ]);
  });

  it("audits an officer's review board (reviewers' names and conflicts); the applicant's view of it writes nothing", async () => {
    const w = await reviewedWorld(ctx);
    expect((await w.call(w.officer, 'POST', w.at('/reviewers'))).statusCode).toBe(200);
    const before = await personalReads(w.hub.id);
    const mine = await w.call(w.founder, 'GET', w.at('/reviews'));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().assignments).toEqual([]);
    expect(await personalReads(w.hub.id)).toEqual(before);

    const board = await w.call(w.officer, 'GET', w.at('/reviews'));
    expect(board.json().assignments.length).toBeGreaterThan(0);
    expect((await personalReads(w.hub.id)).slice(before.length)).toEqual([
      {
        actor_id: w.officer.id,
        subject_type: 'review_board',
        subject_id: w.application.id,
        payload: expect.objectContaining({ fields: ['reviewer_name', 'conflict'], ids: [w.application.id], result: 'ok' }),
      },
    ]);
  });
});

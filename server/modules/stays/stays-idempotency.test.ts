import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { uuidv7 } from '../../platform/ids.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { graduates, scopeOf, stayStation } from '../../test/stay-factories.js';
import { cancelStayBooking, createStayBooking } from './bookings.service.js';
import { addDays, localToday } from './stay-dates.js';
import { joinStayWaitlist } from './waitlist.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('Idempotency-Key on writes that move beds', () => {
  it('accepting a waitlist offer and cancelling: a retry with the same key replays the first answer, nothing twice', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    const station = await stayStation(db, hub, 1);
    const [guest] = await graduates(db, hub, 1);
    // A signed-in graduate (cookie) with a person record and a degree.
    const waiting = await createTestUser(ctx);
    const personId = uuidv7();
    await db.execute(
      sql`INSERT INTO people (hub_id, id, name_zh, name_en, roles, user_id) VALUES (${hub.id}, ${personId}, '毕业生', 'Graduate', '{student}', ${waiting.id})`,
    );
    await db.execute(
      sql`INSERT INTO talent_degrees (hub_id, id, person_id, university, level, graduates_on) VALUES (${hub.id}, gen_random_uuid(), ${personId}, 'Zhejiang University', 'bachelor', ${addDays(localToday(hub.timeZone), -100)})`,
    );
    const day = (n: number) => addDays(localToday(hub.timeZone), 3 + n);
    const { booking } = await withTransaction(db, (t) =>
      createStayBooking(t, scopeOf(hub, guest!.userId), { stationId: station.id, checkIn: day(0), checkOut: day(2) }),
    );
    const entry = await withTransaction(db, (t) => joinStayWaitlist(t, scopeOf(hub, waiting.id), { stationId: station.id, startsOn: day(0), endsOn: day(2) }));
    await withTransaction(db, (t) => cancelStayBooking(t, scopeOf(hub, guest!.userId), booking.id));

    const post = (url: string, key?: string) =>
      ctx.app.inject(
        as(waiting, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}${url}`,
          headers: { origin: 'http://localhost:3000', ...(key ? { 'idempotency-key': key } : {}) },
        }),
      );
    const key = `accept-${uuidv7()}`;
    const first = await post(`/stays/waitlist/${entry.id}/accept`, key);
    expect(first.statusCode, first.body).toBe(200);
    const retry = await post(`/stays/waitlist/${entry.id}/accept`, key);
    expect([retry.statusCode, retry.headers['idempotent-replayed'], retry.json()]).toEqual([200, 'true', first.json()]);
    // Without the key a second accept is refused: the key is what makes a retry safe.
    expect((await post(`/stays/waitlist/${entry.id}/accept`)).statusCode).toBe(409);
    const confirmed = async () =>
      (await db.execute<{ id: string }>(sql`SELECT id FROM stay_bookings WHERE hub_id = ${hub.id} AND user_id = ${waiting.id} AND status = 'confirmed'`)).rows;
    const mine = await confirmed();
    expect(mine).toHaveLength(1);

    const cancelKey = `cancel-${uuidv7()}`;
    const cancelled = await post(`/stays/bookings/${mine[0]!.id}/cancel`, cancelKey);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const again = await post(`/stays/bookings/${mine[0]!.id}/cancel`, cancelKey);
    expect([again.statusCode, again.headers['idempotent-replayed'], again.json()]).toEqual([200, 'true', cancelled.json()]);
    expect(await confirmed()).toEqual([]);
  });
});

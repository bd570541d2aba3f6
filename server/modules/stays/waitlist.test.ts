import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { graduates, scopeOf, stayStation } from '../../test/stay-factories.js';
import { cancelStayBooking, createStayBooking } from './bookings.service.js';
import { addDays, localToday } from './stay-dates.js';
import { acceptStayOffer, joinStayWaitlist, leaveStayWaitlist, offerFreedBeds, OFFER_MINUTES } from './waitlist.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('stay waitlist', () => {
  it('a freed bed goes to the first in line whose range fits; an offer not taken in time passes on', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    const station = await stayStation(db, hub, 1);
    const [guest, first, second, third] = await graduates(db, hub, 4);
    const day = (n: number) => addDays(localToday(hub.timeZone), 3 + n);
    const tx = <T>(work: Parameters<typeof withTransaction<T>>[1]) => withTransaction(db, work);
    const { booking } = await tx((t) => createStayBooking(t, scopeOf(hub, guest!.userId), { stationId: station.id, checkIn: day(0), checkOut: day(4) }));
    await expect(
      tx((t) => createStayBooking(t, scopeOf(hub, first!.userId), { stationId: station.id, checkIn: day(0), checkOut: day(2) })),
    ).rejects.toMatchObject({ code: 'NO_AVAILABILITY' });

    const tooLong = await tx((t) => joinStayWaitlist(t, scopeOf(hub, first!.userId), { stationId: station.id, startsOn: day(0), endsOn: day(6) }));
    const fits1 = await tx((t) => joinStayWaitlist(t, scopeOf(hub, second!.userId), { stationId: station.id, startsOn: day(1), endsOn: day(3) }));
    const fits2 = await tx((t) => joinStayWaitlist(t, scopeOf(hub, third!.userId), { stationId: station.id, startsOn: day(0), endsOn: day(2) }));
    await expect(
      tx((t) => joinStayWaitlist(t, scopeOf(hub, third!.userId), { stationId: station.id, startsOn: day(1), endsOn: day(2) })),
    ).rejects.toMatchObject({ code: 'ALREADY_WAITING' });

    // Nights 0-4 are freed: the first in line (0-6 now fits the one bed) is offered it.
    await tx((t) => cancelStayBooking(t, scopeOf(hub, guest!.userId), booking.id));
    const status = async () => {
      const { rows } = await db.execute<{ id: string; status: string }>(sql`SELECT id, status FROM stay_waitlist WHERE hub_id = ${hub.id}`);
      return Object.fromEntries(rows.map((r) => [r.id, r.status]));
    };
    expect(await status()).toEqual({ [tooLong.id]: 'offered', [fits1.id]: 'waiting', [fits2.id]: 'waiting' });
    const { rows: told } = await db.execute<{ user_id: string; kind: string }>(sql`SELECT user_id, kind FROM notifications WHERE hub_id = ${hub.id}`);
    expect(told).toEqual([{ user_id: first!.userId, kind: 'stay_bed_offered' }]);

    // The first lets the offer run out: the bed passes to the second in line, not the third.
    await db.execute(sql`UPDATE stay_waitlist SET offer_expires_at = now() - interval '1 minute' WHERE hub_id = ${hub.id} AND id = ${tooLong.id}`);
    await expect(tx((t) => acceptStayOffer(t, scopeOf(hub, first!.userId), tooLong.id))).rejects.toMatchObject({ code: 'OFFER_EXPIRED' });
    expect(await tx((t) => offerFreedBeds(t, hub, station.id))).toEqual({ offered: 1, expired: 1 });
    expect(await status()).toEqual({ [tooLong.id]: 'expired', [fits1.id]: 'offered', [fits2.id]: 'waiting' });

    // Someone else's offer is not theirs to take (404); the second accepts in time.
    await expect(tx((t) => acceptStayOffer(t, scopeOf(hub, third!.userId), fits1.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const accepted = await tx((t) => acceptStayOffer(t, scopeOf(hub, second!.userId), fits1.id, new Date(Date.now() + (OFFER_MINUTES - 1) * 60_000)));
    expect(accepted.status).toBe('booked');
    const { rows } = await db.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM stay_bookings WHERE hub_id = ${hub.id} GROUP BY status ORDER BY status`,
    );
    expect(rows).toEqual([
      { status: 'cancelled', n: 1 },
      { status: 'confirmed', n: 1 },
      { status: 'declined', n: 1 },
    ]);
  });

  it('leaving with a bed on offer passes it to the next in line at once; lapses and entries that cannot be served are audited', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    const station = await stayStation(db, hub, 1);
    const [guest, first, second, late] = await graduates(db, hub, 4);
    const day = (n: number) => addDays(localToday(hub.timeZone), 3 + n);
    const tx = <T>(work: Parameters<typeof withTransaction<T>>[1]) => withTransaction(db, work);
    const { booking } = await tx((t) => createStayBooking(t, scopeOf(hub, guest!.userId), { stationId: station.id, checkIn: day(0), checkOut: day(2) }));
    const join = (g: typeof first) => tx((t) => joinStayWaitlist(t, scopeOf(hub, g!.userId), { stationId: station.id, startsOn: day(0), endsOn: day(2) }));
    const [one, two, three] = [await join(first), await join(second), await join(late)];
    // The last in line's range has begun by the time a bed frees up: it cannot be served.
    await db.execute(sql`UPDATE stay_waitlist SET starts_on = ${addDays(localToday(hub.timeZone), -1)} WHERE hub_id = ${hub.id} AND id = ${three.id}`);
    const status = async () => {
      const { rows } = await db.execute<{ id: string; status: string }>(sql`SELECT id, status FROM stay_waitlist WHERE hub_id = ${hub.id}`);
      return Object.fromEntries(rows.map((r) => [r.id, r.status]));
    };
    const events = async () =>
      (
        await db.execute<{ action: string; subject_id: string; payload: unknown }>(
          sql`SELECT action, subject_id, payload FROM audit_events WHERE hub_id = ${hub.id} AND action IN ('stay.offer_lapsed', 'stay.waitlist_expired', 'stay.offered') ORDER BY seq`,
        )
      ).rows;

    await tx((t) => cancelStayBooking(t, scopeOf(hub, guest!.userId), booking.id));
    expect(await status()).toEqual({ [one.id]: 'offered', [two.id]: 'waiting', [three.id]: 'expired' });
    expect((await events()).filter((e) => e.action === 'stay.waitlist_expired')).toEqual([
      { action: 'stay.waitlist_expired', subject_id: three.id, payload: { reason: 'started' } },
    ]);

    // The first leaves: the bed they were offered goes to the second now, not when the job next runs.
    await tx((t) => leaveStayWaitlist(t, scopeOf(hub, first!.userId), one.id));
    expect(await status()).toEqual({ [one.id]: 'left', [two.id]: 'offered', [three.id]: 'expired' });

    // The second lets the offer run out: the lapse is recorded with the declined booking.
    await db.execute(sql`UPDATE stay_waitlist SET offer_expires_at = now() - interval '1 minute' WHERE hub_id = ${hub.id} AND id = ${two.id}`);
    expect(await tx((t) => offerFreedBeds(t, hub, station.id))).toEqual({ offered: 0, expired: 1 });
    const { rows: held } = await db.execute<{ booking_id: string }>(sql`SELECT booking_id FROM stay_waitlist WHERE hub_id = ${hub.id} AND id = ${two.id}`);
    expect((await events()).filter((e) => e.action === 'stay.offer_lapsed')).toEqual([
      { action: 'stay.offer_lapsed', subject_id: two.id, payload: { booking: held[0]!.booking_id } },
    ]);
  });
});

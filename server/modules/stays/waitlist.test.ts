import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { graduates, scopeOf, stayStation } from '../../test/stay-factories.js';
import { cancelStayBooking, createStayBooking } from './bookings.service.js';
import { addDays, localToday } from './stay-dates.js';
import { acceptStayOffer, joinStayWaitlist, offerFreedBeds, OFFER_MINUTES } from './waitlist.service.js';

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
});

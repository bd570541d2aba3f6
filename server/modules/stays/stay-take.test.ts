import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { graduates, scopeOf, stayStation } from '../../test/stay-factories.js';
import { createStayBooking } from './bookings.service.js';
import { addDays, localToday } from './stay-dates.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'BOOKED',
    (error: { code?: string }) => error.code ?? String(error),
  );

/**
 * dg_stay_take's bed search (migration 0043): one scan of the station's bookings on those
 * nights names the beds that look free, and a bed tried and found taken is not tried again.
 */
describe('taking a bed', () => {
  it('a bed taken by a row the search does not see is tried once, never booked twice, and the search ends', async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    const station = await stayStation(db, hub, 2);
    const elsewhere = await stayStation(db, hub, 1);
    const [a, b, c] = await graduates(db, hub, 3);
    const checkIn = addDays(localToday(hub.timeZone), 5);
    const checkOut = addDays(checkIn, 3);
    // Bed 1's nights held by a row filed under another station: invisible to the scan by
    // station, still refused by the exclusion constraint on the bed.
    await db.execute(sql`
      INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
      VALUES (${hub.id}, gen_random_uuid(), ${elsewhere.id}, ${station.bedIds[0]}, ${a!.personId}, ${a!.userId}, ${checkIn}, ${checkOut}, 'confirmed', 'HIDDEN2345')`);

    const first = await createStayBooking(db, scopeOf(hub, b!.userId), { stationId: station.id, checkIn, checkOut });
    expect(first.booking.bedId).toBe(station.bedIds[1]);
    expect(await codeOf(createStayBooking(db, scopeOf(hub, c!.userId), { stationId: station.id, checkIn, checkOut }))).toBe('NO_AVAILABILITY');
    const { rows } = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM stay_bookings WHERE hub_id = ${hub.id} AND bed_id = ${station.bedIds[0]}`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("when the guest's own stay refuses every bed, the answer is ALREADY_BOOKED, not that the station is full", async () => {
    const db = ctx.database.db;
    const hub = await createTestHub(ctx);
    const station = await stayStation(db, hub, 3);
    const [g] = await graduates(db, hub, 1);
    const checkIn = addDays(localToday(hub.timeZone), 5);
    const own = await createStayBooking(db, scopeOf(hub, g!.userId), { stationId: station.id, checkIn, checkOut: addDays(checkIn, 3) });
    // Left out of the limits (as a booking being replaced is), the stay still holds the
    // guest's nights: every bed's INSERT meets the guest's own exclusion constraint.
    const { rows } = await db.execute<{ refusal: string | null; booking_id: string | null }>(sql`
      SELECT refusal, booking_id FROM dg_stay_take(${hub.id}::uuid, ${station.id}::uuid, ${g!.personId}::uuid, ${g!.userId}::uuid,
        ${addDays(checkIn, 1)}::date, ${addDays(checkIn, 2)}::date, true, gen_random_uuid(), 'confirmed', NULL, ${own.booking.id}::uuid)`);
    expect(rows[0]).toEqual({ refusal: 'ALREADY_BOOKED', booking_id: null });
  });
});

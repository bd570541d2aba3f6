import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { graduates, scopeOf, stayStation } from '../../test/stay-factories.js';
import { cancelStayBooking, changeStayBooking, createStayBooking } from './bookings.service.js';
import { addDays, localToday, overlaps } from './stay-dates.js';
import { acceptStayOffer, joinStayWaitlist, offerFreedBeds } from './waitlist.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Span = { from: number; to: number };
type Op =
  | { kind: 'book'; who: number; span: Span }
  | { kind: 'cancel'; which: number }
  | { kind: 'change'; which: number; span: Span }
  | { kind: 'wait'; who: number; span: Span }
  | { kind: 'accept'; which: number }
  | { kind: 'lapse' };

const span = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([from, n]) => ({ from, to: from + n }));
const who = fc.integer({ min: 0, max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), who, span }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), which: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('change' as const), which: fc.nat(20), span }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), who, span }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('accept' as const), which: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lapse' as const) }) },
);

type MBooking = { id: string; bed: string; who: number; span: Span; status: 'offered' | 'confirmed' | 'ended' };
type MEntry = { id: string; who: number; span: Span; status: 'waiting' | 'offered' | 'booked' | 'expired'; bookingId: string | null };

/**
 * Model test: random sequences of book, cancel, change, join-waitlist, accept and
 * offer-lapse at a station of one or two beds, against a model that knows which beds
 * are taken. After every step: the
 * outcome is the model's (booked iff a bed is free for every night and the guest holds no
 * overlapping stay), no bed is ever held twice, and each waitlist turn offers beds to
 * waiting entries strictly in the order they joined (an entry is passed over only when
 * nothing fits its range).
 */
describe('stays model', () => {
  it('book / cancel / change / waitlist sequences match the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 }), fc.array(op, { minLength: 1, maxLength: 20 }), async (beds, ops) => {
        const db = ctx.database.db;
        const hub = await createTestHub(ctx);
        const station = await stayStation(db, hub, beds);
        const people = await graduates(db, hub, 4);
        const base = addDays(localToday(hub.timeZone), 3);
        const range = (s: Span) => ({ checkIn: addDays(base, s.from), checkOut: addDays(base, s.to) });
        const bookings: MBooking[] = [];
        const entries: MEntry[] = [];
        const active = (b: MBooking) => b.status !== 'ended';
        const bedFree = (bed: string, s: Span) => !bookings.some((b) => active(b) && b.bed === bed && overlaps(toDates(b.span), toDates(s)));
        const anyBedFree = (s: Span) => station.bedIds.some((bed) => bedFree(bed, s));
        const holds = (w: number, s: Span, except?: MBooking) =>
          bookings.some((b) => b !== except && active(b) && b.who === w && overlaps(toDates(b.span), toDates(s)));
        const toDates = (s: Span) => ({ from: String(s.from).padStart(2, '0'), to: String(s.to).padStart(2, '0') });
        const run = <T>(work: Parameters<typeof withTransaction<T>>[1]) =>
          withTransaction(db, work).then(
            (value) => ({ ok: true as const, value }),
            (error: { code?: string }) => ({ ok: false as const, code: error.code ?? String(error) }),
          );

        /** After anything that frees a bed: the waitlist's turn, checked entry by entry in order. */
        async function followOffers() {
          const { rows } = await db.execute<{ id: string; status: string; booking_id: string | null; bed: string | null }>(sql`
            SELECT w.id, w.status, w.booking_id, b.bed_id AS bed FROM stay_waitlist w LEFT JOIN stay_bookings b ON b.hub_id = w.hub_id AND b.id = w.booking_id
            WHERE w.hub_id = ${hub.id}`);
          const now = new Map(rows.map((r) => [r.id, r]));
          for (const e of entries) {
            if (e.status !== 'waiting') continue;
            const row = now.get(e.id)!;
            // One who meanwhile booked these nights themselves no longer waits for them.
            if (holds(e.who, e.span)) {
              expect(row.status).toBe('expired');
              e.status = 'expired';
              continue;
            }
            const fits = anyBedFree(e.span);
            expect(row.status, `entry ${entries.indexOf(e)} offered iff a bed fits`).toBe(fits ? 'offered' : 'waiting');
            if (fits) {
              expect(bedFree(row.bed!, e.span)).toBe(true);
              e.status = 'offered';
              e.bookingId = row.booking_id;
              bookings.push({ id: row.booking_id!, bed: row.bed!, who: e.who, span: e.span, status: 'offered' });
            }
          }
        }

        for (const step of ops) {
          if (step.kind === 'book') {
            const expected = holds(step.who, step.span) ? 'ALREADY_BOOKED' : anyBedFree(step.span) ? 'BOOKED' : 'NO_AVAILABILITY';
            const r = await run((tx) => createStayBooking(tx, scopeOf(hub, people[step.who]!.userId), { stationId: station.id, ...range(step.span) }));
            expect(r.ok ? 'BOOKED' : r.code).toBe(expected);
            if (r.ok) {
              expect(bedFree(r.value.booking.bedId, step.span)).toBe(true);
              bookings.push({ id: r.value.booking.id, bed: r.value.booking.bedId, who: step.who, span: step.span, status: 'confirmed' });
            }
          } else if (step.kind === 'cancel') {
            const b = bookings[step.which % Math.max(1, bookings.length)];
            if (!b) continue;
            const r = await run((tx) => cancelStayBooking(tx, scopeOf(hub, people[b.who]!.userId), b.id));
            expect(r.ok ? 'OK' : r.code).toBe(b.status === 'confirmed' ? 'OK' : 'BOOKING_NOT_ACTIVE');
            if (r.ok) {
              b.status = 'ended';
              await followOffers();
            }
          } else if (step.kind === 'change') {
            const b = bookings[step.which % Math.max(1, bookings.length)];
            if (!b) continue;
            let expected = 'CHANGED';
            if (b.status !== 'confirmed') expected = 'BOOKING_NOT_ACTIVE';
            else if (holds(b.who, step.span, b)) expected = 'ALREADY_BOOKED';
            else {
              b.status = 'ended';
              if (!anyBedFree(step.span)) expected = 'NO_AVAILABILITY';
              b.status = 'confirmed';
            }
            const r = await run((tx) => changeStayBooking(tx, scopeOf(hub, people[b.who]!.userId), b.id, range(step.span)));
            expect(r.ok ? 'CHANGED' : r.code).toBe(expected);
            if (r.ok) {
              b.status = 'ended';
              expect(bedFree(r.value.bedId, step.span)).toBe(true);
              bookings.push({ id: r.value.id, bed: r.value.bedId, who: b.who, span: step.span, status: 'confirmed' });
              await followOffers();
            }
          } else if (step.kind === 'wait') {
            const taken = entries.some(
              (e) => e.who === step.who && (e.status === 'waiting' || e.status === 'offered') && overlaps(toDates(e.span), toDates(step.span)),
            );
            const expected = holds(step.who, step.span) ? 'ALREADY_BOOKED' : taken ? 'ALREADY_WAITING' : 'WAITING';
            const r = await run((tx) =>
              joinStayWaitlist(tx, scopeOf(hub, people[step.who]!.userId), {
                stationId: station.id,
                startsOn: range(step.span).checkIn,
                endsOn: range(step.span).checkOut,
              }),
            );
            expect(r.ok ? 'WAITING' : r.code).toBe(expected);
            if (r.ok) {
              entries.push({ id: r.value.id, who: step.who, span: step.span, status: 'waiting', bookingId: null });
              await withTransaction(db, (tx) => offerFreedBeds(tx, hub, station.id));
              await followOffers();
            }
          } else if (step.kind === 'accept') {
            const e = entries[step.which % Math.max(1, entries.length)];
            if (!e) continue;
            const r = await run((tx) => acceptStayOffer(tx, scopeOf(hub, people[e.who]!.userId), e.id));
            expect(r.ok ? 'OK' : r.code).toBe(e.status === 'offered' ? 'OK' : 'BOOKING_NOT_ACTIVE');
            if (r.ok) {
              e.status = 'booked';
              bookings.find((b) => b.id === e.bookingId)!.status = 'confirmed';
            }
          } else {
            // Every open offer runs out; the next turn passes the beds on.
            await db.execute(sql`UPDATE stay_waitlist SET offer_expires_at = now() - interval '1 minute' WHERE hub_id = ${hub.id} AND status = 'offered'`);
            await withTransaction(db, (tx) => offerFreedBeds(tx, hub, station.id));
            for (const e of entries.filter((x) => x.status === 'offered')) {
              e.status = 'expired';
              bookings.find((b) => b.id === e.bookingId)!.status = 'ended';
            }
            await followOffers();
          }
          const { rows } = await db.execute<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM stay_bookings a JOIN stay_bookings b ON a.hub_id = b.hub_id AND a.bed_id = b.bed_id AND a.id < b.id
            WHERE a.hub_id = ${hub.id} AND a.status IN ('offered','confirmed','checked_in') AND b.status IN ('offered','confirmed','checked_in')
              AND daterange(a.check_in, a.check_out) && daterange(b.check_in, b.check_out)`);
          expect(rows[0]!.n).toBe(0);
          const { rows: held } = await db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM stay_bookings WHERE hub_id = ${hub.id} AND status IN ('offered','confirmed','checked_in')`,
          );
          expect(held[0]!.n).toBe(bookings.filter(active).length);
        }
      }),
      {
        numRuns: 40,
        // Two waiting for the one bed when it frees: the first who joined gets it.
        examples: [
          [
            1,
            [
              { kind: 'book', who: 0, span: { from: 0, to: 3 } },
              { kind: 'wait', who: 1, span: { from: 0, to: 1 } },
              { kind: 'wait', who: 2, span: { from: 0, to: 2 } },
              { kind: 'cancel', which: 0 },
            ],
          ],
        ],
      },
    );
  });
});

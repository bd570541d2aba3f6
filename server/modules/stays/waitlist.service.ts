import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { waitlistInputSchema } from '../../../contracts/stays.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { notify } from '../../platform/notifications/index.js';
import { after, readCursor } from '../../platform/pagination.js';
import { uuidv7 } from '../../platform/ids.js';
import { admit } from './admit.js';
import { localToday } from './stay-dates.js';
import { stationForBooking, type Scope } from './stations.service.js';
import { stationPolicy } from './stays.policies.js';
import { stayBookings, stayStations, stayWaitlist } from './stays.tables.js';
import { holdBed } from './take-bed.js';

export type WaitlistRow = typeof stayWaitlist.$inferSelect;
type Input = z.output<typeof waitlistInputSchema>;

/** How long a waiting graduate has to accept a bed offered to them. */
export const OFFER_MINUTES = 120;

/** Joins a station's waitlist for a range (an eligible graduate, once per station and range). */
export async function joinStayWaitlist(tx: Tx, scope: Scope, input: Input, now = new Date()): Promise<WaitlistRow> {
  stationPolicy.authorize(scope.actor, 'book', { manages: false });
  const loaded = await stationForBooking(tx, scope, input.stationId);
  const range = { checkIn: input.startsOn, checkOut: input.endsOn };
  const guest = admit(scope, loaded, range, now, { from: 'startsOn', to: 'endsOn' });
  await holdBed(tx, scope.hub.id, loaded.station, guest, range, { take: false });
  const [twin] = await tx
    .select({ id: stayWaitlist.id })
    .from(stayWaitlist)
    .where(
      and(
        eq(stayWaitlist.hubId, scope.hub.id),
        eq(stayWaitlist.stationId, input.stationId),
        eq(stayWaitlist.personId, guest.personId),
        sql`${stayWaitlist.status} IN ('waiting','offered')`,
        sql`daterange(${stayWaitlist.startsOn}, ${stayWaitlist.endsOn}) && daterange(${input.startsOn}::date, ${input.endsOn}::date)`,
      ),
    );
  if (twin) throw new AppError('ALREADY_WAITING');
  const id = uuidv7();
  const [row] = await tx
    .insert(stayWaitlist)
    .values({
      hubId: scope.hub.id,
      id,
      stationId: input.stationId,
      personId: guest.personId,
      userId: guest.userId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      createdAt: now,
    })
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.waitlisted',
    subjectType: 'stay_waitlist',
    subjectId: id,
    payload: { station: input.stationId, person: guest.personId },
  });
  return row!;
}

/** 1 for the next in line at the station; null when the entry no longer waits. */
export async function waitlistPosition(db: Db | Tx, row: WaitlistRow): Promise<number | null> {
  if (row.status !== 'waiting') return null;
  const [ahead] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(stayWaitlist)
    .where(
      and(
        eq(stayWaitlist.hubId, row.hubId),
        eq(stayWaitlist.stationId, row.stationId),
        eq(stayWaitlist.status, 'waiting'),
        lt(stayWaitlist.createdAt, row.createdAt),
      ),
    );
  return (ahead?.n ?? 0) + 1;
}

/** The caller's entries, oldest first (ids are time-ordered): `page.limit + 1` rows after its cursor. */
export async function listMyWaitlist(db: Db | Tx, scope: Scope, page: CursorQuery): Promise<WaitlistRow[]> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const key = readCursor(page.next, 1);
  return db
    .select()
    .from(stayWaitlist)
    .where(and(eq(stayWaitlist.hubId, scope.hub.id), eq(stayWaitlist.userId, scope.actor.userId), key ? after([stayWaitlist.id], key) : undefined))
    .orderBy(asc(stayWaitlist.id))
    .limit(page.limit + 1);
}

async function ownEntry(tx: Tx, scope: Scope, id: string): Promise<WaitlistRow> {
  const [row] = await tx
    .select()
    .from(stayWaitlist)
    .where(and(eq(stayWaitlist.hubId, scope.hub.id), eq(stayWaitlist.id, id)))
    .for('update');
  if (!row || row.userId !== scope.actor.userId) throw notFound();
  return row;
}

/** Takes the bed offered: the held booking becomes confirmed, if the offer has not run out. */
export async function acceptStayOffer(tx: Tx, scope: Scope, id: string, now = new Date()): Promise<WaitlistRow> {
  const row = await ownEntry(tx, scope, id);
  if (row.status !== 'offered' || !row.bookingId) throw new AppError('BOOKING_NOT_ACTIVE');
  if (row.offerExpiresAt && row.offerExpiresAt < now) throw new AppError('OFFER_EXPIRED');
  const held = await tx
    .update(stayBookings)
    .set({ status: 'confirmed' })
    .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, row.bookingId), eq(stayBookings.status, 'offered')))
    .returning({ id: stayBookings.id });
  if (held.length === 0) throw new AppError('BOOKING_NOT_ACTIVE');
  const [updated] = await tx
    .update(stayWaitlist)
    .set({ status: 'booked' })
    .where(and(eq(stayWaitlist.hubId, scope.hub.id), eq(stayWaitlist.id, id)))
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.offer_accepted',
    subjectType: 'stay_booking',
    subjectId: row.bookingId,
    payload: { waitlist: id },
  });
  return updated!;
}

/** Leaves the waitlist; a bed on offer is let go at once (for the next in line). */
export async function leaveStayWaitlist(tx: Tx, scope: Scope, id: string): Promise<WaitlistRow> {
  const row = await ownEntry(tx, scope, id);
  if (row.status !== 'waiting' && row.status !== 'offered') throw new AppError('BOOKING_NOT_ACTIVE');
  const declined = row.bookingId
    ? await tx
        .update(stayBookings)
        .set({ status: 'declined', endedAt: new Date() })
        .where(and(eq(stayBookings.hubId, scope.hub.id), eq(stayBookings.id, row.bookingId), eq(stayBookings.status, 'offered')))
        .returning({ id: stayBookings.id })
    : [];
  const [updated] = await tx
    .update(stayWaitlist)
    .set({ status: 'left' })
    .where(and(eq(stayWaitlist.hubId, scope.hub.id), eq(stayWaitlist.id, id)))
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'stay.waitlist_left',
    subjectType: 'stay_waitlist',
    subjectId: id,
    payload: {},
  });
  if (declined.length > 0) await offerFreedBeds(tx, scope.hub, row.stationId);
  return updated!;
}

export type OfferCounts = { offered: number; expired: number };

/**
 * The waitlist's turn (run by a job, and at once when a bed is let go): offers that ran
 * out are declined and expire (`stay.offer_lapsed`); then each waiting entry in the order
 * it joined is offered a bed if one is free for its whole range (held as an `offered`
 * booking under the same exclusion constraints) until OFFER_MINUTES from now, and told so
 * by a notification; an entry that cannot be served (its range has begun, booked
 * elsewhere, over a limit) expires (`stay.waitlist_expired`, with the reason's code).
 * The station row is locked, so two runs never interleave.
 */
export async function offerFreedBeds(tx: Tx, hub: { id: string; slug: string; timeZone: string }, stationId: string, now = new Date()): Promise<OfferCounts> {
  const [station] = await tx
    .select()
    .from(stayStations)
    .where(and(eq(stayStations.hubId, hub.id), eq(stayStations.id, stationId)))
    .for('update');
  if (!station) return { offered: 0, expired: 0 };
  const counts: OfferCounts = { offered: 0, expired: 0 };
  const lapsed = await tx
    .update(stayWaitlist)
    .set({ status: 'expired' })
    .where(and(eq(stayWaitlist.hubId, hub.id), eq(stayWaitlist.stationId, stationId), eq(stayWaitlist.status, 'offered'), lt(stayWaitlist.offerExpiresAt, now)))
    .returning({ id: stayWaitlist.id, bookingId: stayWaitlist.bookingId });
  for (const { id, bookingId } of lapsed) {
    if (bookingId)
      await tx
        .update(stayBookings)
        .set({ status: 'declined', endedAt: now })
        .where(and(eq(stayBookings.hubId, hub.id), eq(stayBookings.id, bookingId), eq(stayBookings.status, 'offered')));
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: null,
      action: 'stay.offer_lapsed',
      subjectType: 'stay_waitlist',
      subjectId: id,
      payload: { booking: bookingId },
    });
  }
  counts.expired += lapsed.length;
  const today = localToday(hub.timeZone, now);
  const waiting = await tx
    .select()
    .from(stayWaitlist)
    .where(and(eq(stayWaitlist.hubId, hub.id), eq(stayWaitlist.stationId, stationId), eq(stayWaitlist.status, 'waiting')))
    .orderBy(asc(stayWaitlist.createdAt), asc(stayWaitlist.id));
  for (const entry of waiting) {
    const range = { checkIn: entry.startsOn, checkOut: entry.endsOn };
    let taken = null;
    let reason = 'started';
    if (entry.startsOn >= today) {
      try {
        taken = await holdBed(tx, hub.id, station, { personId: entry.personId, userId: entry.userId }, range, { take: true, status: 'offered' });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'NO_AVAILABILITY') continue; // nothing fits this range: the next in line may fit
        reason = error.code; // booked elsewhere meanwhile, or over the limit: the entry expires below
      }
    }
    if (!taken) {
      await tx
        .update(stayWaitlist)
        .set({ status: 'expired' })
        .where(and(eq(stayWaitlist.hubId, hub.id), eq(stayWaitlist.id, entry.id)));
      await recordAudit(tx, {
        hubId: hub.id,
        actorId: null,
        action: 'stay.waitlist_expired',
        subjectType: 'stay_waitlist',
        subjectId: entry.id,
        payload: { reason },
      });
      counts.expired++;
      continue;
    }
    await tx
      .update(stayWaitlist)
      .set({ status: 'offered', bookingId: taken.id, offeredBedId: taken.bedId, offerExpiresAt: new Date(now.getTime() + OFFER_MINUTES * 60_000) })
      .where(and(eq(stayWaitlist.hubId, hub.id), eq(stayWaitlist.id, entry.id)));
    // The graduate hears of it in the app (the bell) with a link to accept.
    await notify(tx, hub.id, [
      {
        userId: entry.userId,
        kind: 'stay_bed_offered',
        subjectType: 'stay_waitlist',
        subjectId: entry.id,
        payload: {
          title: { zh: `驿站床位已为您保留（${entry.startsOn} 起），请及时确认`, en: `A bed is held for you from ${entry.startsOn}: accept it in time` },
          link: `/hubs/${hub.slug}/stays`,
        },
      },
    ]);
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: null,
      action: 'stay.offered',
      subjectType: 'stay_booking',
      subjectId: taken.id,
      payload: { waitlist: entry.id, bed: taken.bedId },
    });
    counts.offered++;
  }
  return counts;
}

/** Stations of a hub with someone waiting or an offer outstanding (what the job visits). */
export async function stationsWithWaitlist(db: Db, hubId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: stayWaitlist.stationId })
    .from(stayWaitlist)
    .where(and(eq(stayWaitlist.hubId, hubId), sql`${stayWaitlist.status} IN ('waiting','offered')`));
  return rows.map((r) => r.id);
}

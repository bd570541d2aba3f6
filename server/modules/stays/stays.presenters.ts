import { and, eq, sql } from 'drizzle-orm';
import type { Station, StayBooking, StayRules, StayStatus, WaitlistEntry } from '../../../contracts/stays.js';
import type { Db, Tx } from '../../db/connection.js';
import { findPeople } from '../ecosystem/index.js';
import type { BookingRow } from './bookings.service.js';
import { nightsBetween } from './stay-dates.js';
import type { BookedBed } from './take-bed.js';
import type { LoadedStation } from './stations.service.js';
import { stayBeds, stayRooms, stayStations } from './stays.tables.js';
import type { WaitlistRow } from './waitlist.service.js';

export function presentStation({ station: s, blackouts, beds, managed }: LoadedStation): Station {
  const rules: StayRules = {
    maxNightsPerStay: s.maxNightsPerStay,
    maxNightsPerYear: s.maxNightsPerYear,
    maxNightsLifetime: s.maxNightsLifetime,
    minDegree: s.minDegree as StayRules['minDegree'],
    graduatedWithinMonths: s.graduatedWithinMonths,
    noShowHour: s.noShowHour,
  };
  return {
    id: s.id,
    name: { zh: s.nameZh, en: s.nameEn },
    address: { zh: s.addressZh, en: s.addressEn },
    district: s.district,
    photos: s.photos,
    rules,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    blackouts: blackouts.map((b) => ({ startsOn: b.startsOn, endsOn: b.endsOn, reason: b.reason })),
    beds,
    managed,
  };
}

/**
 * Bookings as the API shows them: with station, room and bed; the guest's name only for
 * those who run the station (`withNames`), never in the graduate's own list of others.
 */
export async function presentBookings(db: Db | Tx, hubId: string, rows: BookingRow[], withNames: boolean): Promise<StayBooking[]> {
  if (rows.length === 0) return [];
  const bedIds = sql.param([...new Set(rows.map((r) => r.bedId))]);
  const beds = await db
    .select({
      id: stayBeds.id,
      label: stayBeds.label,
      room: stayRooms.name,
      stationId: stayStations.id,
      nameZh: stayStations.nameZh,
      nameEn: stayStations.nameEn,
      addressZh: stayStations.addressZh,
      addressEn: stayStations.addressEn,
    })
    .from(stayBeds)
    .innerJoin(stayRooms, and(eq(stayRooms.hubId, stayBeds.hubId), eq(stayRooms.id, stayBeds.roomId)))
    .innerJoin(stayStations, and(eq(stayStations.hubId, stayBeds.hubId), eq(stayStations.id, stayBeds.stationId)))
    .where(and(eq(stayBeds.hubId, hubId), sql`${stayBeds.id} = ANY(${bedIds}::uuid[])`));
  const bedOf = new Map(beds.map((b) => [b.id, b]));
  const people = withNames ? await findPeople(db, hubId, [...new Set(rows.map((r) => r.personId))]) : new Map();
  return rows.map((r) => {
    const person = people.get(r.personId);
    return presentBooking(r, bedOf.get(r.bedId)!, person ? { zh: person.nameZh, en: person.nameEn } : null);
  });
}

/** One booking with its bed, room and station (and the guest's name, for those who run the station). */
export function presentBooking(r: BookingRow, bed: BookedBed, guestName: { zh: string; en: string } | null): StayBooking {
  return {
    id: r.id,
    station: { id: bed.stationId, name: { zh: bed.nameZh, en: bed.nameEn }, address: { zh: bed.addressZh, en: bed.addressEn } },
    bed: { id: bed.id, label: bed.label, room: bed.room },
    checkIn: r.checkIn,
    checkOut: r.checkOut,
    nights: nightsBetween(r.checkIn, r.checkOut),
    status: r.status as StayStatus,
    code: r.code,
    guest: { personId: r.personId, name: guestName },
    createdAt: r.createdAt.toISOString(),
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    checkedOutAt: r.checkedOutAt?.toISOString() ?? null,
    replacesId: r.replacesId,
  };
}

export function presentWaitlistEntry(row: WaitlistRow, position: number | null): WaitlistEntry {
  return {
    id: row.id,
    stationId: row.stationId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as WaitlistEntry['status'],
    position,
    offer: row.status === 'offered' && row.bookingId && row.offerExpiresAt ? { bookingId: row.bookingId, expiresAt: row.offerExpiresAt.toISOString() } : null,
  };
}

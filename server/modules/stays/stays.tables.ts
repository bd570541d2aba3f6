import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

/**
 * A youth station (青荷驿站): where job-seeking graduates stay free. Its rules: nights per
 * stay, nights per person per year and in a lifetime at this station (null = no limit),
 * the lowest degree and how long after graduating a graduate may stay, when it is open.
 */
export const stayStations = pgTable(
  'stay_stations',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    addressZh: text('address_zh').notNull(),
    addressEn: text('address_en').notNull(),
    district: text('district').notNull(),
    photos: text('photos')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    maxNightsPerStay: integer('max_nights_per_stay').notNull().default(6),
    maxNightsPerYear: integer('max_nights_per_year'),
    maxNightsLifetime: integer('max_nights_lifetime'),
    minDegree: text('min_degree').notNull().default('junior_college'),
    graduatedWithinMonths: integer('graduated_within_months').notNull().default(24),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on'),
    /** Local hour after which a confirmed guest who has not arrived is released (no-show). */
    noShowHour: integer('no_show_hour').notNull().default(22),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    check('stay_stations_nights_check', sql`${t.maxNightsPerStay} BETWEEN 1 AND 90`),
    check('stay_stations_hour_check', sql`${t.noShowHour} BETWEEN 0 AND 23`),
    check('stay_stations_degree_check', sql`${t.minDegree} IN ('junior_college','bachelor','master','doctorate')`),
  ],
);

/** Who manages which station: a station manager sees and acts on these stations only. */
export const stayStationManagers = pgTable(
  'stay_station_managers',
  {
    hubId: uuid('hub_id').notNull(),
    stationId: uuid('station_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.stationId, t.userId] }),
    foreignKey({ name: 'stay_station_managers_station_fk', columns: [t.hubId, t.stationId], foreignColumns: [stayStations.hubId, stayStations.id] }),
    index('stay_station_managers_user_idx').on(t.hubId, t.userId),
  ],
);

/** Days a station takes no guests: [starts_on, ends_on) nights. */
export const stayBlackouts = pgTable(
  'stay_blackouts',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    stationId: uuid('station_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'stay_blackouts_station_fk', columns: [t.hubId, t.stationId], foreignColumns: [stayStations.hubId, stayStations.id] }),
    index('stay_blackouts_station_idx').on(t.hubId, t.stationId),
    check('stay_blackouts_range_check', sql`${t.startsOn} < ${t.endsOn}`),
  ],
);

export const stayRooms = pgTable(
  'stay_rooms',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    stationId: uuid('station_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'stay_rooms_station_fk', columns: [t.hubId, t.stationId], foreignColumns: [stayStations.hubId, stayStations.id] }),
  ],
);

export const stayBeds = pgTable(
  'stay_beds',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    stationId: uuid('station_id').notNull(),
    roomId: uuid('room_id').notNull(),
    label: text('label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'stay_beds_room_fk', columns: [t.hubId, t.roomId], foreignColumns: [stayRooms.hubId, stayRooms.id] }),
    foreignKey({ name: 'stay_beds_station_fk', columns: [t.hubId, t.stationId], foreignColumns: [stayStations.hubId, stayStations.id] }),
    index('stay_beds_station_idx').on(t.hubId, t.stationId),
  ],
);

/**
 * A booking of one bed for the nights [check_in, check_out). Active bookings
 * (offered to a waiting graduate, confirmed, checked_in) never overlap on a bed nor for a person: two exclusion
 * constraints in migration 0015 hold that, whatever the concurrency.
 */
export const stayBookings = pgTable(
  'stay_bookings',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    stationId: uuid('station_id').notNull(),
    bedId: uuid('bed_id').notNull(),
    personId: uuid('person_id').notNull(),
    userId: uuid('user_id').notNull(),
    checkIn: date('check_in').notNull(),
    checkOut: date('check_out').notNull(),
    status: text('status').notNull().default('confirmed'),
    /** Short code printed under the QR; the station manager scans or types it. */
    code: text('code').notNull(),
    replacesId: uuid('replaces_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'stay_bookings_bed_fk', columns: [t.hubId, t.bedId], foreignColumns: [stayBeds.hubId, stayBeds.id] }),
    uniqueIndex('stay_bookings_code_idx').on(t.hubId, t.code),
    index('stay_bookings_person_idx').on(t.hubId, t.personId),
    index('stay_bookings_station_idx').on(t.hubId, t.stationId, t.checkIn),
    check('stay_bookings_range_check', sql`${t.checkIn} < ${t.checkOut}`),
    check('stay_bookings_status_check', sql`${t.status} IN ('offered','confirmed','checked_in','checked_out','cancelled','changed','no_show','declined')`),
  ],
);

/**
 * A graduate waiting for a bed at a station for [starts_on, ends_on). When a bed frees,
 * the first waiting entry (by position) whose range fits is offered it until
 * `offer_expires_at`; an offer not taken passes on.
 */
export const stayWaitlist = pgTable(
  'stay_waitlist',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id').notNull(),
    userId: uuid('user_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('waiting'),
    offeredBedId: uuid('offered_bed_id'),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    bookingId: uuid('booking_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'stay_waitlist_station_fk', columns: [t.hubId, t.stationId], foreignColumns: [stayStations.hubId, stayStations.id] }),
    index('stay_waitlist_station_idx').on(t.hubId, t.stationId, t.status, t.createdAt),
    index('stay_waitlist_person_idx').on(t.hubId, t.personId),
    check('stay_waitlist_range_check', sql`${t.startsOn} < ${t.endsOn}`),
    check('stay_waitlist_status_check', sql`${t.status} IN ('waiting','offered','booked','expired','left')`),
  ],
);

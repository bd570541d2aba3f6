import { z } from 'zod';
import { bilingualNameSchema } from './common.js';
import { districtCodeSchema } from './organizations.js';
import { isoDate, isoDateTime } from './dates.js';

/**
 * Stays: free nights for job-seeking graduates at a hub's youth stations. Nights are
 * [checkIn, checkOut): a week is checkIn Monday, checkOut the next Sunday (6 nights).
 */

export const stayStatuses = ['offered', 'confirmed', 'checked_in', 'checked_out', 'cancelled', 'changed', 'no_show', 'declined'] as const;
export type StayStatus = (typeof stayStatuses)[number];
/** The statuses that hold a bed (the exclusion constraints count these). */
export const activeStayStatuses = ['offered', 'confirmed', 'checked_in'] as const satisfies readonly StayStatus[];

export const stayDegreeLevels = ['junior_college', 'bachelor', 'master', 'doctorate'] as const;
export type StayDegreeLevel = (typeof stayDegreeLevels)[number];

export const STAY_LIMITS = { searchDaysMax: 92, stationsPerPage: 100 } as const;

const dateSchema = isoDate();

export const stayRulesSchema = z.object({
  maxNightsPerStay: z.number().int(),
  maxNightsPerYear: z.number().int().nullable(),
  maxNightsLifetime: z.number().int().nullable(),
  minDegree: z.enum(stayDegreeLevels),
  graduatedWithinMonths: z.number().int(),
  noShowHour: z.number().int(),
});
export type StayRules = z.infer<typeof stayRulesSchema>;

export const stationSchema = z
  .object({
    id: z.uuid(),
    name: bilingualNameSchema,
    address: z.object({ zh: z.string(), en: z.string() }),
    district: z.string(),
    photos: z.array(z.string()),
    rules: stayRulesSchema,
    opensOn: dateSchema,
    closesOn: dateSchema.nullable(),
    blackouts: z.array(z.object({ startsOn: dateSchema, endsOn: dateSchema, reason: z.string() })),
    beds: z.number().int(),
    managed: z.boolean().meta({ description: 'The caller manages this station' }),
  })
  .meta({ id: 'StayStation' });
export type Station = z.infer<typeof stationSchema>;

export const availabilityQuerySchema = z.object({
  from: dateSchema,
  to: dateSchema.meta({ description: 'Check-out day (exclusive)' }),
  station: z.uuid().optional(),
});

export const availabilitySchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    stations: z.array(
      z.object({
        station: stationSchema,
        /** Beds free for every night of the range: what a booking of the whole range can take. */
        freeForRange: z.number().int(),
        nights: z.array(z.object({ date: dateSchema, free: z.number().int(), closed: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'StayAvailability' });
export type Availability = z.infer<typeof availabilitySchema>;

export const stayBookingInputSchema = z.strictObject({ stationId: z.uuid(), checkIn: dateSchema, checkOut: dateSchema });
export type StayBookingInput = z.infer<typeof stayBookingInputSchema>;

export const stayChangeInputSchema = z.strictObject({ checkIn: dateSchema, checkOut: dateSchema });

export const checkInInputSchema = z.strictObject({ code: z.string().trim().min(4).max(64) });

export const stayBookingSchema = z
  .object({
    id: z.uuid(),
    station: z.object({ id: z.uuid(), name: bilingualNameSchema, address: z.object({ zh: z.string(), en: z.string() }) }),
    bed: z.object({ id: z.uuid(), label: z.string(), room: z.string() }),
    checkIn: dateSchema,
    checkOut: dateSchema,
    nights: z.number().int(),
    status: z.enum(stayStatuses),
    code: z.string().meta({ description: 'Check-in code (the QR carries it)' }),
    guest: z.object({ personId: z.uuid(), name: bilingualNameSchema.nullable() }),
    createdAt: isoDateTime({ offset: true }),
    checkedInAt: isoDateTime({ offset: true }).nullable(),
    checkedOutAt: isoDateTime({ offset: true }).nullable(),
    replacesId: z.uuid().nullable(),
  })
  .meta({
    id: 'StayBooking',
    examples: [
      {
        id: '01938a7e-4444-7555-8666-777788889999',
        station: {
          id: '01938a60-aaaa-7bbb-8ccc-ddddeeeeffff',
          name: { zh: '杭州青年驿站（西湖）', en: 'Hangzhou Youth Station (West Lake)' },
          address: { zh: '西湖区文三路 1 号', en: '1 Wensan Road, Xihu District' },
        },
        bed: { id: '01938a61-1234-7234-8234-123412341234', label: 'B2', room: '301' },
        checkIn: '2026-07-01',
        checkOut: '2026-07-08',
        nights: 7,
        status: 'confirmed',
        code: 'K7Q2-M9XD',
        guest: { personId: '01938a7c-6a10-7c52-8e11-4b7d2a9f3c05', name: { zh: '李明', en: 'Li Ming' } },
        createdAt: '2026-06-20T02:15:00.000Z',
        checkedInAt: null,
        checkedOutAt: null,
        replacesId: null,
      },
    ],
  });
export type StayBooking = z.infer<typeof stayBookingSchema>;

export const waitlistInputSchema = z.strictObject({ stationId: z.uuid(), startsOn: dateSchema, endsOn: dateSchema });

export const waitlistEntrySchema = z
  .object({
    id: z.uuid(),
    stationId: z.uuid(),
    startsOn: dateSchema,
    endsOn: dateSchema,
    status: z.enum(['waiting', 'offered', 'booked', 'expired', 'left']),
    position: z.number().int().nullable().meta({ description: '1 = next in line; null when no longer waiting' }),
    offer: z.object({ bookingId: z.uuid(), expiresAt: isoDateTime({ offset: true }) }).nullable(),
  })
  .meta({ id: 'StayWaitlistEntry' });
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const occupancySchema = z.object({
  stationId: z.uuid(),
  from: dateSchema,
  to: dateSchema,
  beds: z.number().int(),
  nights: z.array(z.object({ date: dateSchema, occupied: z.number().int(), arrivals: z.number().int(), departures: z.number().int() })),
});
export type Occupancy = z.infer<typeof occupancySchema>;

const textPair = z.object({ zh: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });

/** The most rooms, closed-day ranges and photo links a station takes (the form offers no more rows). */
export const STATION_LIMITS = { rooms: 200, blackouts: 50, photos: 12 } as const;

/** A new station (hub admins): its rooms and beds, rules, calendar and blackout days. */
export const stationInputSchema = z
  .strictObject({
    name: bilingualNameSchema,
    address: textPair,
    district: districtCodeSchema,
    photos: z.array(z.url()).max(STATION_LIMITS.photos).default([]),
    rules: z.strictObject({
      maxNightsPerStay: z.number().int().min(1).max(90).default(6),
      maxNightsPerYear: z.number().int().min(1).max(366).nullable().default(null),
      maxNightsLifetime: z.number().int().min(1).max(3660).nullable().default(6),
      minDegree: z.enum(stayDegreeLevels).default('junior_college'),
      graduatedWithinMonths: z.number().int().min(1).max(120).default(24),
      noShowHour: z.number().int().min(0).max(23).default(22),
    }),
    opensOn: dateSchema,
    closesOn: dateSchema.nullable().default(null),
    rooms: z
      .array(z.strictObject({ name: z.string().trim().min(1).max(40), beds: z.number().int().min(1).max(50) }))
      .min(1)
      .max(STATION_LIMITS.rooms),
    blackouts: z
      .array(z.strictObject({ startsOn: dateSchema, endsOn: dateSchema, reason: z.string().trim().min(1).max(200) }))
      .max(STATION_LIMITS.blackouts)
      .default([]),
  })
  .superRefine((s, ctx) => {
    if (s.closesOn && s.closesOn <= s.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], params: { code: 'ENDS_BEFORE_START' }, message: 'closes before it opens' });
    s.blackouts.forEach((b, i) => {
      if (b.endsOn <= b.startsOn)
        ctx.addIssue({ code: 'custom', path: ['blackouts', i, 'endsOn'], params: { code: 'ENDS_BEFORE_START' }, message: 'ends before it starts' });
    });
  });
export type StationInput = z.infer<typeof stationInputSchema>;

export const stationManagerInputSchema = z.strictObject({ email: z.email() });

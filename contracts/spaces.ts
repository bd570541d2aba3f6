import { z } from 'zod';
import { FEN_DESCRIPTION, fenAmount, fenValue } from './money.js';
import { cursorQuerySchema } from './pagination.js';
import { isoDate, isoDateTime } from './dates.js';

/**
 * Spaces: parks -> buildings -> floors -> units, held for or leased to organisations.
 * Days are [startsOn, endsOn) in the hub's time zone; money is fen as a decimal string;
 * area is m² with at most two decimals.
 */

export const spaceNodeKinds = ['park', 'building', 'floor', 'unit'] as const;
export type SpaceNodeKind = (typeof spaceNodeKinds)[number];
export const unitKinds = ['office', 'desk', 'lab', 'whole_floor'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const leaseEndReasons = ['term_over', 'tenant_left', 'moved', 'breach', 'condition_broken', 'company_closed', 'other'] as const;
export type LeaseEndReason = (typeof leaseEndReasons)[number];
export const holdStatuses = ['active', 'released', 'converted', 'expired'] as const;
export const leaseStatuses = ['active', 'ended', 'moved'] as const;
export const requestStatuses = ['waiting', 'offered', 'accepted', 'declined', 'expired', 'withdrawn'] as const;

/**
 * `listRentMax`: fen per m² per month (CNY 100,000), so a unit's month at list price (area at
 * most 1,000,000 m²) is at most 10^13 fen and a term of `leaseYearsMax` years far inside a bigint.
 */
export const SPACE_LIMITS = {
  nodesPerTake: 200,
  stepsMax: 60,
  leaseYearsMax: 20,
  searchDaysMax: 366 * 20,
  offerHours: 72,
  listRentMax: 10_000_000,
} as const;

/**
 * Whether the day `end` is at most `years` years after `start` (both `YYYY-MM-DD`; the same
 * day of the month `years` later, compared as text). Checked by the contract for holds and
 * leases and by the server for a renewal's new term.
 */
export function withinYears(start: string, end: string, years: number): boolean {
  const year = Number(start.slice(0, 4)) + years;
  return Number.isNaN(year) || year > 9999 || end <= `${String(year).padStart(4, '0')}${start.slice(4)}`;
}

/** Whether [from, to) spans at most `days` days. */
const withinDays = (from: string, to: string, days: number) => !((Date.parse(to) - Date.parse(from)) / 86_400_000 > days);

// NUL bytes and unpaired surrogates are refused at the edge for every string (INVALID_CHARACTERS).
const text = (max: number) => z.string().trim().min(1).max(max);
const dateSchema = isoDate();
const nameSchema = z.strictObject({ zh: text(120), en: text(160) });
const areaSchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { params: { code: 'INVALID' }, message: 'at most two decimals' })
  .meta({ description: 'm², two decimals at most' });
const fen = fenValue();
const featureSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/);

const range = <T extends z.ZodObject<{ startsOn: typeof dateSchema; endsOn: typeof dateSchema }>>(schema: T) =>
  schema
    .refine((v) => v.startsOn < v.endsOn, { path: ['endsOn'], params: { code: 'ENDS_BEFORE_START' }, message: 'not after startsOn' })
    .refine((v) => withinYears(v.startsOn, v.endsOn, SPACE_LIMITS.leaseYearsMax), {
      path: ['endsOn'],
      params: { code: 'TOO_BIG' },
      message: `at most ${SPACE_LIMITS.leaseYearsMax} years after startsOn`,
    });

/** A window of days to search or show: [from, to), at most `searchDaysMax` days. */
const dayWindow = <T extends z.ZodObject<{ from: typeof dateSchema; to: typeof dateSchema }>>(schema: T) =>
  schema
    .refine((q) => q.from < q.to, { path: ['to'], params: { code: 'ENDS_BEFORE_START' }, message: 'not after from' })
    .refine((q) => withinDays(q.from, q.to, SPACE_LIMITS.searchDaysMax), {
      path: ['to'],
      params: { code: 'TOO_BIG' },
      message: `at most ${SPACE_LIMITS.searchDaysMax} days after from`,
    });

/** A unit's list rent: fen per m² per month, at most `SPACE_LIMITS.listRentMax`. */
const listRentNote = `List rent per m² per month, at most ${SPACE_LIMITS.listRentMax} (CNY ${SPACE_LIMITS.listRentMax / 100} a m² a month)`;
const listRentSchema = () =>
  fenAmount(listRentNote)
    .refine((v) => !/^\d{1,18}$/.test(v) || BigInt(v) <= BigInt(SPACE_LIMITS.listRentMax), {
      params: { code: 'TOO_BIG' },
      message: `at most ${SPACE_LIMITS.listRentMax} fen a m² a month`,
    })
    .meta({ description: `${listRentNote}. ${FEN_DESCRIPTION}` });

const codeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,23}$/, 'capital letters, digits and -')
  .meta({ description: 'short reference, unique in the hub' });

export const spaceNodeInputSchema = z
  .strictObject({
    parentId: z.uuid().nullable().default(null).meta({ description: 'null for a park' }),
    kind: z.enum(spaceNodeKinds),
    unitKind: z.enum(unitKinds).nullable().default(null),
    code: codeSchema,
    name: nameSchema,
    areaM2: areaSchema.nullable().default(null),
    seats: z.number().int().min(0).max(10_000).default(0),
    features: z.array(featureSchema).max(20).default([]),
    listRent: listRentSchema().nullable().default(null),
    photos: z.array(z.uuid()).max(10).default([]).meta({ description: 'ids of uploaded files' }),
  })
  .superRefine((n, ctx) => {
    const unit = n.kind === 'unit';
    if (unit && !n.unitKind) ctx.addIssue({ code: 'custom', path: ['unitKind'], params: { code: 'REQUIRED' }, message: 'units have a kind' });
    if (unit && n.areaM2 === null) ctx.addIssue({ code: 'custom', path: ['areaM2'], params: { code: 'REQUIRED' }, message: 'units have an area' });
    if (unit && n.listRent === null) ctx.addIssue({ code: 'custom', path: ['listRent'], params: { code: 'REQUIRED' }, message: 'units have a list rent' });
    if (!unit && (n.unitKind || n.areaM2 !== null || n.listRent !== null))
      ctx.addIssue({ code: 'custom', path: ['kind'], params: { code: 'INVALID' }, message: 'only units have a kind, area and rent' });
    if ((n.kind === 'park') !== (n.parentId === null))
      ctx.addIssue({ code: 'custom', path: ['parentId'], params: { code: 'INVALID' }, message: 'parks and only parks have no parent' });
  })
  .meta({ description: 'A park, building, floor or unit' });
export type SpaceNodeInput = z.input<typeof spaceNodeInputSchema>;

/** What an operator changes on a node: only what is sent; a unit keeps a kind, an area and a rent. */
export const spaceNodeUpdateSchema = z
  .strictObject({
    code: codeSchema.optional(),
    name: nameSchema.optional(),
    unitKind: z.enum(unitKinds).optional(),
    areaM2: areaSchema.optional(),
    seats: z.number().int().min(0).max(10_000).optional(),
    features: z.array(featureSchema).max(20).optional(),
    listRent: listRentSchema().optional(),
    photos: z.array(z.uuid()).max(10).optional().meta({ description: 'ids of uploaded pictures, in the order shown; replaces the list' }),
  })
  .meta({ description: 'Changes to a park, building, floor or unit' });
export type SpaceNodeUpdate = z.input<typeof spaceNodeUpdateSchema>;

export const spaceNodeSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    parkId: z.uuid(),
    kind: z.enum(spaceNodeKinds),
    unitKind: z.enum(unitKinds).nullable(),
    code: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    areaM2: z.number().meta({ description: 'a unit’s own; for other nodes the sum of their units' }),
    seats: z.number().int(),
    features: z.array(z.string()),
    listRent: fen.nullable(),
    photos: z.array(z.string()),
    operates: z.boolean().meta({ description: 'the caller operates this node’s park' }),
  })
  .meta({ id: 'SpaceNode' });
export type SpaceNode = z.infer<typeof spaceNodeSchema>;

const nodeIdsSchema = z.array(z.uuid()).min(1).max(SPACE_LIMITS.nodesPerTake);

export const spaceHoldInputSchema = range(
  z.strictObject({
    organizationId: z.uuid(),
    nodeIds: nodeIdsSchema,
    startsOn: dateSchema,
    endsOn: dateSchema.meta({ description: 'the hold expires here' }),
    reason: text(500),
    decidedBy: text(200),
    source: text(1000).nullable().default(null),
  }),
);
export type SpaceHoldInput = z.input<typeof spaceHoldInputSchema>;

export const releaseHoldInputSchema = z.strictObject({
  nodeIds: nodeIdsSchema.optional().meta({ description: 'release only these; all when absent' }),
  from: dateSchema.optional().meta({ description: 'free from this day (today when absent)' }),
});
export type ReleaseHoldInput = z.input<typeof releaseHoldInputSchema>;

export const rentStepInputSchema = z.strictObject({
  startsOn: dateSchema,
  endsOn: dateSchema,
  monthlyRent: z
    .string()
    .regex(/^\d{1,15}$/)
    .meta({ description: `A month for the whole lease. ${FEN_DESCRIPTION}` }),
  monthlySubsidy: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .meta({ description: 'fen; computed from the program when absent' }),
});

const leaseTerms = {
  startsOn: dateSchema,
  endsOn: dateSchema,
  steps: z.array(rentStepInputSchema).min(1).max(SPACE_LIMITS.stepsMax),
  noticeDays: z.number().int().min(0).max(730).default(90),
  staff: z.number().int().min(1).max(100_000).nullable().default(null).meta({ description: 'people on staff (subsidies per person)' }),
  programId: z.uuid().nullable().default(null).meta({ description: 'a rent-subsidy program' }),
};

export const leaseInputSchema = range(z.strictObject({ organizationId: z.uuid(), nodeIds: nodeIdsSchema, ...leaseTerms }));
export type LeaseInput = z.input<typeof leaseInputSchema>;

export const convertHoldInputSchema = range(z.strictObject({ nodeIds: nodeIdsSchema.optional(), ...leaseTerms }));
export type ConvertHoldInput = z.input<typeof convertHoldInputSchema>;

export const endLeaseInputSchema = z.strictObject({ endsOn: dateSchema, reason: z.enum(leaseEndReasons) });
export type EndLeaseInput = z.input<typeof endLeaseInputSchema>;

/** A new term continuing a lease from the day it ends: its own rent steps and subsidy. */
export const renewLeaseInputSchema = z.strictObject({
  endsOn: dateSchema.meta({ description: 'the new term runs from the lease’s end to this day' }),
  steps: z.array(rentStepInputSchema).min(1).max(SPACE_LIMITS.stepsMax),
  noticeDays: z.number().int().min(0).max(730).optional().meta({ description: 'the lease’s when absent' }),
  staff: z.number().int().min(1).max(100_000).nullable().optional().meta({ description: 'the lease’s when absent' }),
  programId: z.uuid().nullable().optional().meta({ description: 'a rent-subsidy program; the lease’s when absent, none when null' }),
});
export type RenewLeaseInput = z.input<typeof renewLeaseInputSchema>;

export const moveLeaseInputSchema = z.strictObject({
  nodeIds: nodeIdsSchema,
  from: dateSchema,
  steps: z.array(rentStepInputSchema).min(1).max(SPACE_LIMITS.stepsMax),
});
export type MoveLeaseInput = z.input<typeof moveLeaseInputSchema>;

const takenNodeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  kind: z.enum(spaceNodeKinds),
  areaM2: z.number(),
  photos: z.array(z.uuid()).meta({ description: 'pictures of the space: GET …/spaces/nodes/{id}/photos/{fileId}' }),
});
const orgRefSchema = z.object({ id: z.uuid(), name: z.object({ zh: z.string(), en: z.string() }) });

export const spaceHoldSchema = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    organization: orgRefSchema,
    nodes: z.array(takenNodeSchema),
    startsOn: dateSchema,
    endsOn: dateSchema,
    reason: z.string(),
    decidedBy: z.string(),
    source: z.string().nullable(),
    status: z.enum(holdStatuses),
    releasedOn: dateSchema.nullable(),
    leaseId: z.uuid().nullable(),
    areaM2: z.number(),
    cost: z.object({ toDate: fen, toExpiry: fen }).meta({ description: 'list rent × area × days the city forgoes' }),
  })
  .meta({ id: 'SpaceHold' });
export type SpaceHold = z.infer<typeof spaceHoldSchema>;

export const leaseStepSchema = z.object({ startsOn: dateSchema, endsOn: dateSchema, monthlyRent: fen, tenantShare: fen, subsidyShare: fen });

export const leaseSchema = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    organization: orgRefSchema,
    nodes: z.array(takenNodeSchema),
    startsOn: dateSchema,
    endsOn: dateSchema,
    status: z.enum(leaseStatuses),
    endedOn: dateSchema.nullable(),
    endReason: z.enum(leaseEndReasons).nullable(),
    noticeDays: z.number().int(),
    staff: z.number().int().nullable(),
    areaM2: z.number(),
    steps: z.array(leaseStepSchema),
    subsidy: z
      .object({
        programId: z.uuid(),
        program: z.object({ zh: z.string(), en: z.string() }),
        committed: fen,
        paid: fen,
        extension: z.enum(['none', 'pending', 'granted', 'lapsed']),
      })
      .nullable(),
    replacesId: z.uuid().nullable(),
    fromHoldId: z.uuid().nullable(),
    renewsId: z.uuid().nullable().meta({ description: 'the lease this term continues' }),
  })
  .meta({ id: 'Lease' });
export type Lease = z.infer<typeof leaseSchema>;

export const listLeasesQuerySchema = cursorQuerySchema.extend({
  organizationId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  status: z.enum(leaseStatuses).optional(),
});

export const availabilityQuerySchema = dayWindow(
  z.object({
    from: dateSchema,
    to: dateSchema,
    parkId: z.uuid().optional(),
    minAreaM2: z.coerce.number().positive().max(1_000_000).optional(),
    seats: z.coerce.number().int().min(1).max(10_000).optional(),
    feature: z.union([featureSchema, z.array(featureSchema).max(10)]).optional(),
  }),
);

export const availabilitySchema = z.object({ from: dateSchema, to: dateSchema, units: z.array(spaceNodeSchema) });

export const spaceRequestInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    areaM2: areaSchema.nullable().default(null),
    seats: z.number().int().min(1).max(10_000).nullable().default(null),
    startsOn: dateSchema,
    months: z.number().int().min(1).max(120),
    features: z.array(featureSchema).max(10).default([]),
    parkId: z.uuid().nullable().default(null),
  })
  .refine((r) => r.areaM2 !== null || r.seats !== null, { path: ['areaM2'], params: { code: 'REQUIRED' }, message: 'm² or seats' });
export type SpaceRequestInput = z.input<typeof spaceRequestInputSchema>;

export const offerInputSchema = z.strictObject({
  nodeIds: nodeIdsSchema,
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(SPACE_LIMITS.offerHours),
  programId: z.uuid().nullable().default(null).meta({ description: 'a rent-subsidy program: accepting signs a subsidised lease' }),
  staff: z.number().int().min(1).max(100_000).nullable().default(null).meta({ description: 'people on staff (subsidies per person)' }),
});
export type OfferInput = z.input<typeof offerInputSchema>;

export const spaceRequestSchema = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    organization: orgRefSchema,
    areaM2: z.number().nullable(),
    seats: z.number().int().nullable(),
    startsOn: dateSchema,
    months: z.number().int(),
    features: z.array(z.string()),
    parkId: z.uuid().nullable(),
    status: z.enum(requestStatuses),
    position: z.number().int().nullable().meta({ description: 'place in the queue while waiting' }),
    offer: z
      .object({
        holdId: z.uuid(),
        nodes: z.array(takenNodeSchema),
        expiresAt: isoDateTime(),
        program: z.object({ id: z.uuid(), name: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
        staff: z.number().int().nullable(),
        terms: z
          .object({ startsOn: dateSchema, endsOn: dateSchema, steps: z.array(leaseStepSchema) })
          .nullable()
          .meta({
            description: 'what accepting signs: the term and each rent step split into the company’s share and the subsidy; null when it cannot be planned now',
          }),
      })
      .nullable(),
    leaseId: z.uuid().nullable(),
    createdAt: isoDateTime(),
  })
  .meta({ id: 'SpaceRequest' });
export type SpaceRequest = z.infer<typeof spaceRequestSchema>;

export const occupancyQuerySchema = dayWindow(z.object({ from: dateSchema, to: dateSchema, parkId: z.uuid().optional() }));

export const occupancySchema = z
  .object({
    months: z.array(z.string()).meta({ description: 'first day of each month' }),
    series: z.array(
      z.object({ node: takenNodeSchema.omit({ photos: true }), leasedM2: z.array(z.number()), heldM2: z.array(z.number()), vacantM2: z.array(z.number()) }),
    ),
    subsidy: z.array(
      z.object({
        organization: orgRefSchema,
        paid: fenValue('rent subsidy paid so far, every month (not only the window’s)'),
        areaM2: z.number().meta({ description: 'm² the company leases now' }),
        perM2: fenValue('subsidy per m² per month, on average over the months paid'),
      }),
    ),
    expiring: z.array(z.object({ kind: z.enum(['lease', 'hold']), id: z.uuid(), ref: z.string(), organization: orgRefSchema, endsOn: dateSchema })),
  })
  .meta({ id: 'SpaceOccupancy' });
export type SpaceOccupancy = z.infer<typeof occupancySchema>;

export const listHoldsQuerySchema = cursorQuerySchema.extend({
  organizationId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  status: z.enum(holdStatuses).optional(),
});

export const listTreeQuerySchema = cursorQuerySchema.extend({ parkId: z.uuid().optional() });

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

const int8range = customType<{ data: string }>({ dataType: () => 'int8range' });

/**
 * The space tree: parks -> buildings -> floors -> units. Any node can be held or leased;
 * taking a node takes everything under it. `ancestors` lists the path from the park down
 * (not the node itself), so "everything above" is one array and never a recursive query.
 * Area, seats and list rent belong to units; a building's are the sum of its units'.
 */
export const spaceNodes = pgTable(
  'space_nodes',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    parkId: uuid('park_id').notNull(),
    ancestors: uuid('ancestors')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    kind: text('kind').notNull(),
    unitKind: text('unit_kind'),
    /** A short reference people read and type (e.g. DT-A-3-301), unique in the hub. */
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    areaM2: numeric('area_m2', { precision: 12, scale: 2 }),
    seats: integer('seats').notNull().default(0),
    features: text('features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Fen per m² per month. */
    listRent: bigint('list_rent', { mode: 'bigint' }),
    photos: uuid('photos')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'space_nodes_parent_fk', columns: [t.hubId, t.parentId], foreignColumns: [t.hubId, t.id] }),
    uniqueIndex('space_nodes_code_idx').on(t.hubId, t.code),
    index('space_nodes_parent_idx').on(t.hubId, t.parentId),
    index('space_nodes_park_idx').on(t.hubId, t.parkId, t.kind),
    check('space_nodes_kind_check', sql`${t.kind} IN ('park','building','floor','unit')`),
    check('space_nodes_unit_check', sql`(${t.kind} = 'unit') = (${t.unitKind} IS NOT NULL AND ${t.areaM2} IS NOT NULL AND ${t.listRent} IS NOT NULL)`),
    check('space_nodes_unit_kind_check', sql`${t.unitKind} IS NULL OR ${t.unitKind} IN ('office','desk','lab','whole_floor')`),
    check('space_nodes_area_check', sql`${t.areaM2} IS NULL OR ${t.areaM2} > 0`),
    check('space_nodes_rent_check', sql`${t.listRent} IS NULL OR ${t.listRent} >= 0`),
    check('space_nodes_seats_check', sql`${t.seats} >= 0`),
  ],
);

/** Who operates which park: a space manager sees and acts on these parks only. */
export const spaceParkOperators = pgTable(
  'space_park_operators',
  {
    hubId: uuid('hub_id').notNull(),
    parkId: uuid('park_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.parkId, t.userId] }),
    foreignKey({ name: 'space_park_operators_park_fk', columns: [t.hubId, t.parkId], foreignColumns: [spaceNodes.hubId, spaceNodes.id] }),
    index('space_park_operators_user_idx').on(t.hubId, t.userId),
  ],
);

/**
 * Space kept for a named organisation for [starts_on, ends_on): why, who decided, the
 * source. A hold takes its nodes through space_claims like a lease does.
 */
export const spaceHolds = pgTable(
  'space_holds',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    ref: text('ref').notNull(),
    organizationId: uuid('organization_id').notNull(),
    parkId: uuid('park_id').notNull(),
    /** The nodes held, as asked (space_claims says which are still held and until when). */
    nodeIds: uuid('node_ids').array().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').notNull(),
    source: text('source'),
    status: text('status').notNull().default('active'),
    releasedOn: date('released_on'),
    leaseId: uuid('lease_id'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('space_holds_ref_idx').on(t.hubId, t.ref),
    index('space_holds_org_idx').on(t.hubId, t.organizationId),
    index('space_holds_park_idx').on(t.hubId, t.parkId, t.status),
    check('space_holds_range_check', sql`${t.startsOn} < ${t.endsOn}`),
    check('space_holds_status_check', sql`${t.status} IN ('active','released','converted','expired')`),
  ],
);

/** A lease of nodes for [starts_on, ends_on), its rent as dated steps (space_lease_steps). */
export const spaceLeases = pgTable(
  'space_leases',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    ref: text('ref').notNull(),
    organizationId: uuid('organization_id').notNull(),
    parkId: uuid('park_id').notNull(),
    nodeIds: uuid('node_ids').array().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('active'),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    noticeDays: integer('notice_days').notNull().default(90),
    staff: integer('staff'),
    areaM2: numeric('area_m2', { precision: 12, scale: 2 }).notNull(),
    programId: uuid('program_id'),
    commitmentId: uuid('commitment_id'),
    subsidyTotal: bigint('subsidy_total', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** Dream-Town-like extensions: none, pending (decided later by the monthly job), granted, lapsed. */
    extension: text('extension').notNull().default('none'),
    /** The extension's own commitment (granted after signing), paying the months from `extension_from_month` on. */
    extensionCommitmentId: uuid('extension_commitment_id'),
    extensionFromMonth: integer('extension_from_month'),
    fromHoldId: uuid('from_hold_id'),
    replacesId: uuid('replaces_id'),
    /** The lease this one renews: a new term from the day that one ends. */
    renewsId: uuid('renews_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('space_leases_ref_idx').on(t.hubId, t.ref),
    index('space_leases_org_idx').on(t.hubId, t.organizationId),
    index('space_leases_park_idx').on(t.hubId, t.parkId, t.status),
    check('space_leases_range_check', sql`${t.startsOn} < ${t.endsOn}`),
    check('space_leases_status_check', sql`${t.status} IN ('active','ended','moved')`),
    check(
      'space_leases_reason_check',
      sql`${t.endReason} IS NULL OR ${t.endReason} IN ('term_over','tenant_left','moved','breach','condition_broken','company_closed','other')`,
    ),
    check('space_leases_extension_check', sql`${t.extension} IN ('none','pending','granted','lapsed')`),
    check('space_leases_notice_check', sql`${t.noticeDays} BETWEEN 0 AND 730`),
    // One renewal per lease that stands (a second one racing it hits this key).
    uniqueIndex('space_leases_renews_idx')
      .on(t.hubId, t.renewsId)
      .where(sql`${t.renewsId} IS NOT NULL AND ${t.status} <> 'ended'`),
  ],
);

/** A rent step of a lease: [starts_on, ends_on) at a monthly rent, split into tenant and subsidy shares. */
export const spaceLeaseSteps = pgTable(
  'space_lease_steps',
  {
    hubId: uuid('hub_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    seq: integer('seq').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    monthlyRent: bigint('monthly_rent', { mode: 'bigint' }).notNull(),
    monthlySubsidy: bigint('monthly_subsidy', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.leaseId, t.seq] }),
    foreignKey({ name: 'space_lease_steps_lease_fk', columns: [t.hubId, t.leaseId], foreignColumns: [spaceLeases.hubId, spaceLeases.id] }),
    check('space_lease_steps_range_check', sql`${t.startsOn} < ${t.endsOn}`),
    check('space_lease_steps_split_check', sql`${t.monthlySubsidy} >= 0 AND ${t.monthlySubsidy} <= ${t.monthlyRent}`),
  ],
);

/**
 * What a hold or lease takes: one row per node it takes whole (`claim` unbounded) and one
 * per node above it (`claim` a one-point range of its own). The exclusion constraint
 * (migration) forbids two active rows on one node whose days and claims overlap: a whole
 * claim overlaps every claim, two "something below is taken" rows never do. So a building
 * taken whole conflicts with any unit inside it, and two units of one building do not.
 */
export const spaceClaims = pgTable(
  'space_claims',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    holderKind: text('holder_kind').notNull(),
    holderId: uuid('holder_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    whole: boolean('whole').notNull(),
    /** Unbounded for a whole claim; a one-point range of its own for a claim above one. */
    claim: int8range('claim').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'space_claims_node_fk', columns: [t.hubId, t.nodeId], foreignColumns: [spaceNodes.hubId, spaceNodes.id] }),
    index('space_claims_holder_idx').on(t.hubId, t.holderId),
    check('space_claims_range_check', sql`${t.startsOn} < ${t.endsOn}`),
    check('space_claims_kind_check', sql`${t.holderKind} IN ('hold','lease')`),
  ],
);

/** One month's subsidy of a lease, paid once (the primary key) through the ledger. */
export const spaceSubsidyPayments = pgTable(
  'space_subsidy_payments',
  {
    hubId: uuid('hub_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    month: integer('month').notNull(),
    dueOn: date('due_on').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    transferId: uuid('transfer_id').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.leaseId, t.month] }),
    foreignKey({ name: 'space_subsidy_payments_lease_fk', columns: [t.hubId, t.leaseId], foreignColumns: [spaceLeases.hubId, spaceLeases.id] }),
    check('space_subsidy_payments_amount_check', sql`${t.amount} > 0`),
  ],
);

/**
 * A company asking for space: m² or seats from a date for some months. It waits in joining
 * order; an offer holds units for it until `offer_expires_at`.
 */
export const spaceRequests = pgTable(
  'space_requests',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    ref: text('ref').notNull(),
    organizationId: uuid('organization_id').notNull(),
    parkId: uuid('park_id'),
    areaM2: numeric('area_m2', { precision: 12, scale: 2 }),
    seats: integer('seats'),
    startsOn: date('starts_on').notNull(),
    months: integer('months').notNull(),
    features: text('features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull().default('waiting'),
    holdId: uuid('hold_id'),
    /** A subsidised offer: the rent-subsidy program (and staff count) the lease will be signed under. */
    offerProgramId: uuid('offer_program_id'),
    offerStaff: integer('offer_staff'),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    leaseId: uuid('lease_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('space_requests_ref_idx').on(t.hubId, t.ref),
    index('space_requests_queue_idx').on(t.hubId, t.status, t.createdAt),
    index('space_requests_org_idx').on(t.hubId, t.organizationId),
    check('space_requests_size_check', sql`(${t.areaM2} IS NOT NULL AND ${t.areaM2} > 0) OR (${t.seats} IS NOT NULL AND ${t.seats} > 0)`),
    check('space_requests_months_check', sql`${t.months} BETWEEN 1 AND 120`),
    check('space_requests_status_check', sql`${t.status} IN ('waiting','offered','accepted','declined','expired','withdrawn')`),
  ],
);

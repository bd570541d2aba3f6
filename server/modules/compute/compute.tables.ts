import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
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

/** A pool of accelerators a provider (an organisation of the hub) offers. */
export const computePools = pgTable(
  'compute_pools',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    providerId: uuid('provider_id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    region: text('region').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.id] }), index('compute_pools_provider_idx').on(t.hubId, t.providerId)],
);

/** An accelerator kind in a pool, with its GPUs in service and list price per GPU-hour. */
export const computeFlavors = pgTable(
  'compute_flavors',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    poolId: uuid('pool_id').notNull(),
    code: text('code').notNull(),
    model: text('model').notNull(),
    vendor: text('vendor').notNull(),
    domestic: boolean('domestic').notNull(),
    gpuMemoryGib: integer('gpu_memory_gib').notNull(),
    cpuPerGpu: integer('cpu_per_gpu').notNull(),
    memoryGibPerGpu: integer('memory_gib_per_gpu').notNull(),
    gpus: integer('gpus').notNull(),
    pricePerGpuHour: bigint('price_per_gpu_hour', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'compute_flavors_pool_fk', columns: [t.hubId, t.poolId], foreignColumns: [computePools.hubId, computePools.id] }),
    uniqueIndex('compute_flavors_code_idx').on(t.hubId, t.poolId, t.code),
    check('compute_flavors_gpus_check', sql`${t.gpus} > 0 AND ${t.pricePerGpuHour} > 0`),
  ],
);

/**
 * Capacity over time: one row per flavor and hour with the GPUs in service and those
 * reserved. `reserved <= capacity` is a CHECK, and a request's hours are taken in one
 * UPDATE of all its rows, so a flavor is never over-allocated at any hour, whatever the
 * concurrency (docs/ARCHITECTURE.md section 4).
 */
export const computeSlots = pgTable(
  'compute_slots',
  {
    hubId: uuid('hub_id').notNull(),
    flavorId: uuid('flavor_id').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.flavorId, t.hour] }),
    foreignKey({ name: 'compute_slots_flavor_fk', columns: [t.hubId, t.flavorId], foreignColumns: [computeFlavors.hubId, computeFlavors.id] }),
    check('compute_slots_reserved_check', sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.capacity}`),
  ],
);

/** A company's queue: its cohort and fair-share weight. One per company. */
export const computeQueues = pgTable(
  'compute_queues',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    cohort: text('cohort').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('compute_queues_org_idx').on(t.hubId, t.organizationId),
    check('compute_queues_weight_check', sql`${t.weight} > 0`),
  ],
);

/** A queue's quota of one flavor for a period. */
export const computeQuotas = pgTable(
  'compute_quotas',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    queueId: uuid('queue_id').notNull(),
    flavorId: uuid('flavor_id').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    gpuHours: integer('gpu_hours').notNull(),
    nominal: integer('nominal').notNull(),
    borrowingLimit: integer('borrowing_limit'),
    lendingLimit: integer('lending_limit'),
    voucherId: uuid('voucher_id'),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'compute_quotas_queue_fk', columns: [t.hubId, t.queueId], foreignColumns: [computeQueues.hubId, computeQueues.id] }),
    foreignKey({ name: 'compute_quotas_flavor_fk', columns: [t.hubId, t.flavorId], foreignColumns: [computeFlavors.hubId, computeFlavors.id] }),
    uniqueIndex('compute_quotas_period_idx').on(t.hubId, t.queueId, t.flavorId, t.periodStart),
    check('compute_quotas_period_check', sql`${t.periodStart} < ${t.periodEnd}`),
  ],
);

/**
 * A compute voucher: an award's commitment, seen from compute. Money held for admitted
 * requests and money paid never pass what the award granted (a CHECK); payments move
 * through the ledger (budget's `disburse` on the award's commitment).
 */
export const computeVouchers = pgTable(
  'compute_vouchers',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    awardId: uuid('award_id').notNull(),
    commitmentId: uuid('commitment_id').notNull(),
    year: integer('year').notNull(),
    domesticBasisPoints: integer('domestic_basis_points').notNull(),
    otherBasisPoints: integer('other_basis_points').notNull(),
    granted: bigint('granted', { mode: 'bigint' }).notNull(),
    held: bigint('held', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    paid: bigint('paid', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('compute_vouchers_award_idx').on(t.hubId, t.awardId),
    check('compute_vouchers_balance_check', sql`${t.held} >= 0 AND ${t.paid} >= 0 AND ${t.held} + ${t.paid} <= ${t.granted}`),
  ],
);

/** Voucher money paid to a firm in a year, against the per-firm annual cap (a CHECK). */
export const computeFirmYears = pgTable(
  'compute_firm_years',
  {
    hubId: uuid('hub_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    year: integer('year').notNull(),
    cap: bigint('cap', { mode: 'bigint' }).notNull(),
    paid: bigint('paid', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.organizationId, t.year] }), check('compute_firm_years_cap_check', sql`${t.paid} >= 0 AND ${t.paid} <= ${t.cap}`)],
);

export const computeRequests = pgTable(
  'compute_requests',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    queueId: uuid('queue_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    flavorRequested: text('flavor_requested').notNull(),
    flavorId: uuid('flavor_id'),
    gpus: integer('gpus').notNull(),
    cpus: integer('cpus').notNull(),
    memoryGib: integer('memory_gib').notNull(),
    hours: integer('hours').notNull(),
    priority: text('priority').notNull(),
    earliestStart: timestamp('earliest_start', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    startAt: timestamp('start_at', { withTimezone: true }),
    endAt: timestamp('end_at', { withTimezone: true }),
    borrowed: boolean('borrowed').notNull().default(false),
    refusal: text('refusal'),
    voucherId: uuid('voucher_id'),
    voucherHeld: bigint('voucher_held', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'compute_requests_queue_fk', columns: [t.hubId, t.queueId], foreignColumns: [computeQueues.hubId, computeQueues.id] }),
    uniqueIndex('compute_requests_reference_idx').on(t.hubId, t.reference),
    index('compute_requests_status_idx').on(t.hubId, t.status, t.endAt),
    index('compute_requests_org_idx').on(t.hubId, t.organizationId, t.id),
    check('compute_requests_status_check', sql`${t.status} IN ('pending','admitted','preempted','cancelled','refused')`),
    check('compute_requests_held_check', sql`${t.voucherHeld} >= 0`),
  ],
);

/**
 * A usage record as the provider reported it: applied once (unique per provider and
 * its record id); a correction is a new record pointing at the one it corrects.
 */
export const computeUsage = pgTable(
  'compute_usage',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    providerId: uuid('provider_id').notNull(),
    recordId: text('record_id').notNull(),
    requestId: uuid('request_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    flavorId: uuid('flavor_id').notNull(),
    gpuHours: numeric('gpu_hours', { precision: 12, scale: 3 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    cost: bigint('cost', { mode: 'bigint' }).notNull(),
    correctsId: uuid('corrects_id'),
    voucherPaid: bigint('voucher_paid', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    outcome: text('outcome').notNull(),
    code: text('code'),
    /** The report (API call or file) it came in: one audit event names it with the counts. */
    batchId: uuid('batch_id'),
    /** The ledger transfer that carries its voucher payment (one per report and voucher and direction). */
    transferId: uuid('transfer_id'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('compute_usage_record_idx').on(t.hubId, t.providerId, t.recordId),
    // A record is corrected at most once: corrections chain, never fork.
    uniqueIndex('compute_usage_corrects_idx').on(t.hubId, t.correctsId),
    index('compute_usage_org_idx').on(t.hubId, t.organizationId, t.id),
    index('compute_usage_request_idx').on(t.hubId, t.requestId),
    check('compute_usage_range_check', sql`${t.startedAt} < ${t.endedAt}`),
    check('compute_usage_outcome_check', sql`${t.outcome} IN ('applied','refused')`),
  ],
);

import { z } from 'zod';
import { amountSchema, balanceAmountSchema } from './budget.js';
import { bilingualNameSchema, timestampSchema } from './common.js';
import { cursorQuerySchema } from './pagination.js';
import { fenBalance, fenValue } from './money.js';
import { isoDate, isoDateTime } from './dates.js';

/**
 * Compute: providers' accelerator pools, quotas per company and flavor, requests decided
 * by the admission engine, usage metered by the providers, vouchers paid on that usage.
 * Time is whole hours in UTC: a request runs [start, end).
 */
export const COMPUTE_LIMITS = {
  horizonHours: 24 * 14,
  maxGpus: 1024,
  maxHours: 24 * 14,
  usageBatch: 1000,
  usageFileRows: 20_000,
  usageFileBytes: 8 * 1024 * 1024,
  /** A maintenance window's longest length: its hours are written as capacity rows when the pool is made. */
  maintenanceDays: 90,
  /** How far ahead of now a maintenance window may end: a flavor's rows stay within [31 days back, a year ahead]. */
  maintenanceAheadDays: 365,
  /** How far after now a usage record may end: usage is metered once it has happened, give or take the provider's clock. */
  usageClockSkewMinutes: 5,
} as const;

/** Plain text: no control characters (NUL included). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters');

export const vendors = ['nvidia', 'huawei', 'cambricon', 'hygon', 'other'] as const;
export const priorities = ['low', 'normal', 'high'] as const;
export type Priority = (typeof priorities)[number];
export const priorityRank: Record<Priority, number> = { low: 0, normal: 1, high: 2 };
export const requestStatuses = ['pending', 'admitted', 'running', 'finished', 'preempted', 'cancelled', 'refused'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
/**
 * The most GPUs a company may hold at once on a flavor: its nominal quota plus what it may
 * borrow (no borrowing limit: no ceiling but the pool's). The admission engine's ceiling.
 */
export const gpusAtOnceLimit = (quota: { concurrentGpus: number; borrowingLimit: number | null }): number =>
  quota.borrowingLimit === null ? Infinity : quota.concurrentGpus + quota.borrowingLimit;

export const refusalCodes = ['QUOTA_EXCEEDED', 'NO_CAPACITY', 'FLAVOR_UNKNOWN', 'DEADLINE_PASSED', 'RELATED_PARTY'] as const;

export const flavorInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  model: text(60).meta({ description: 'Accelerator model, e.g. "H20", "Ascend 910B"' }),
  vendor: z.enum(vendors),
  domestic: z.boolean().meta({ description: 'A domestic chip (30% voucher rate rather than 20%)' }),
  gpuMemoryGib: z.number().int().min(1).max(1024),
  cpuPerGpu: z.number().int().min(1).max(256),
  memoryGibPerGpu: z.number().int().min(1).max(4096),
  gpus: z.number().int().min(1).max(100_000).meta({ description: 'GPUs in service' }),
  pricePerGpuHour: amountSchema.meta({ description: 'List price per GPU-hour in fen' }),
});
export type FlavorInput = z.infer<typeof flavorInputSchema>;

export const maintenanceInputSchema = z.strictObject({
  flavorCode: z.string().min(1).max(40),
  from: isoDateTime(),
  to: isoDateTime().meta({
    description: `After from, at most ${COMPUTE_LIMITS.maintenanceDays} days later and at most ${COMPUTE_LIMITS.maintenanceAheadDays} days from now`,
  }),
  gpusOut: z.number().int().min(1).max(100_000),
});

export const poolInputSchema = z
  .strictObject({
    providerId: z.uuid().meta({ description: 'The provider: an organisation of the hub (a cloud, a city compute centre)' }),
    name: bilingualNameSchema,
    region: text(60),
    flavors: z.array(flavorInputSchema).min(1).max(20),
    maintenance: z.array(maintenanceInputSchema).max(50).default([]),
  })
  .meta({ description: 'A pool of accelerators a provider offers, with its flavors and maintenance windows' });
export type PoolInput = z.infer<typeof poolInputSchema>;

export const flavorSchema = z.object({
  id: z.uuid(),
  poolId: z.uuid(),
  pool: bilingualNameSchema,
  provider: z.object({ id: z.uuid(), name: bilingualNameSchema }),
  code: z.string(),
  model: z.string(),
  vendor: z.enum(vendors),
  domestic: z.boolean(),
  gpuMemoryGib: z.number().int(),
  cpuPerGpu: z.number().int(),
  memoryGibPerGpu: z.number().int(),
  gpus: z.number().int(),
  pricePerGpuHour: z.string(),
});
export type ComputeFlavor = z.infer<typeof flavorSchema>;

export const poolSchema = z.object({
  id: z.uuid(),
  name: bilingualNameSchema,
  region: z.string(),
  provider: z.object({ id: z.uuid(), name: bilingualNameSchema }),
  flavors: z.array(flavorSchema),
});
export type ComputePool = z.infer<typeof poolSchema>;

export const quotaInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    flavorId: z.uuid(),
    periodStart: isoDate(),
    periodEnd: isoDate(),
    gpuHours: z.number().int().min(0).max(10_000_000),
    concurrentGpus: z.number().int().min(0).max(100_000).meta({ description: 'Nominal quota: GPUs at once' }),
    borrowingLimit: z.number().int().min(0).max(100_000).nullable().default(0),
    lendingLimit: z.number().int().min(0).max(100_000).nullable().default(null),
    cohort: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
      .default('startups'),
    weight: z.number().min(0.01).max(100).default(1),
    awardId: z.uuid().nullable().default(null).meta({ description: 'A compute-voucher award that funds this quota (its money pays a share of metered usage)' }),
  })
  .meta({ description: 'A company’s quota of one flavor for a period: GPU-hours and GPUs at once; from a voucher award or a direct allocation' });
export type QuotaInput = z.infer<typeof quotaInputSchema>;

export const quotaSchema = z.object({
  id: z.uuid(),
  organization: z.object({ id: z.uuid(), name: bilingualNameSchema }),
  flavorId: z.uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  gpuHours: z.number().int(),
  gpuHoursUsed: z.number(),
  concurrentGpus: z.number().int(),
  borrowingLimit: z.number().int().nullable(),
  lendingLimit: z.number().int().nullable(),
  cohort: z.string(),
  weight: z.number(),
  voucher: z
    .object({ awardId: z.uuid(), granted: fenValue('Granted'), held: fenValue('Held for admitted work'), paid: fenValue('Paid on metered usage') })
    .nullable(),
});
export type ComputeQuota = z.infer<typeof quotaSchema>;

export const requestInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    flavor: z.union([z.uuid(), z.literal('any_domestic')]).meta({ description: 'A flavor id, or "any_domestic"' }),
    gpus: z.number().int().min(1).max(COMPUTE_LIMITS.maxGpus),
    hours: z.number().int().min(1).max(COMPUTE_LIMITS.maxHours),
    earliestStart: isoDateTime().optional(),
    deadline: isoDateTime(),
    priority: z.enum(priorities).default('normal'),
  })
  .meta({ description: 'A job’s resources: the admission engine places it and sets its start, or refuses with a reason' });
export type RequestInput = z.infer<typeof requestInputSchema>;

export const requestSchema = z.object({
  id: z.uuid(),
  reference: z.string().meta({ description: 'Short reference people read, e.g. "CR-7K3Q"' }),
  organization: z.object({ id: z.uuid(), name: bilingualNameSchema }),
  flavorRequested: z.string(),
  flavor: z.object({ id: z.uuid(), model: z.string(), pool: bilingualNameSchema, domestic: z.boolean() }).nullable(),
  gpus: z.number().int(),
  hours: z.number().int(),
  priority: z.enum(priorities),
  status: z.enum(requestStatuses),
  earliestStart: z.string(),
  deadline: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  borrowed: z.boolean(),
  refusal: z.enum(refusalCodes).nullable(),
  voucherHeld: z.string().meta({ description: 'Voucher money held for this request, fen' }),
  submittedAt: timestampSchema,
});
export type ComputeRequest = z.infer<typeof requestSchema>;

export const queueQuerySchema = cursorQuerySchema.extend({
  organizationId: z.uuid().optional(),
  status: z.enum(requestStatuses).optional(),
});

export const usageRecordInputSchema = z.strictObject({
  recordId: text(100).meta({ description: 'The provider’s own record id: a replay answers the first result' }),
  requestId: z.uuid(),
  flavorId: z.uuid(),
  gpuHours: z.string().regex(/^\d{1,7}(\.\d{1,3})?$/, 'GPU-hours, up to three decimals'),
  startedAt: isoDateTime(),
  endedAt: isoDateTime(),
  cost: z
    .string()
    .regex(/^\d{1,15}$/, 'fen')
    .meta({ description: 'Cost in fen' }),
  corrects: text(100).nullable().default(null).meta({ description: 'The record id this one corrects (never an edit)' }),
});
export type UsageRecordInput = z.infer<typeof usageRecordInputSchema>;

export const usageReportSchema = z.strictObject({ providerId: z.uuid(), records: z.array(usageRecordInputSchema).min(1).max(COMPUTE_LIMITS.usageBatch) });
export type UsageReport = z.infer<typeof usageReportSchema>;

/** A usage file (CSV or XLSX, docs/compute-usage-files.md): a header row of these columns, one record a row. */
export const usageFileColumns = ['recordId', 'requestId', 'flavorId', 'gpuHours', 'startedAt', 'endedAt', 'cost', 'corrects'] as const;
export const usageFileFormats = ['csv', 'xlsx'] as const;
export type UsageFileFormat = (typeof usageFileFormats)[number];
export const usageUploadQuerySchema = z.strictObject({
  providerId: z.uuid(),
  format: z.enum(usageFileFormats).default('csv'),
});

export const usageResultSchema = z.object({
  recordId: z.string(),
  outcome: z.enum(['applied', 'replayed', 'refused']),
  code: z.string().nullable(),
  voucherPaid: balanceAmountSchema,
});
export type UsageResult = z.infer<typeof usageResultSchema>;

export const usageRecordSchema = z.object({
  id: z.uuid(),
  recordId: z.string(),
  requestReference: z.string(),
  organization: z.object({ id: z.uuid(), name: bilingualNameSchema }),
  flavor: z.object({ id: z.uuid(), model: z.string() }),
  gpuHours: z.string(),
  startedAt: timestampSchema,
  endedAt: timestampSchema,
  cost: z.string(),
  voucherPaid: z.string(),
  corrects: z.string().nullable(),
});
export type ComputeUsageRecord = z.infer<typeof usageRecordSchema>;

export const usageQuerySchema = cursorQuerySchema.extend({ organizationId: z.uuid().optional() });

export const fairShareEntrySchema = z.object({
  organization: z.object({ id: z.uuid(), name: bilingualNameSchema }),
  cohort: z.string(),
  weight: z.number(),
  dominantShare: z.number(),
  decayedGpuHours: z.number(),
  entitlementGpus: z.number().int(),
  gpusInUse: z.number().int(),
  pending: z.number().int(),
});
export const fairShareSchema = z.object({ halfLifeHours: z.number(), items: z.array(fairShareEntrySchema) });
export type FairShare = z.infer<typeof fairShareSchema>;

export const dashboardQuerySchema = z.strictObject({
  organizationId: z.uuid().optional().meta({ description: 'One company (its members); without, the whole hub (compute staff)' }),
});

export const computeDashboardSchema = z
  .object({
    quotas: z.array(quotaSchema.extend({ flavorModel: z.string() })),
    utilisation: z
      .array(z.object({ flavorId: z.uuid(), model: z.string(), day: z.string(), reservedGpuHours: z.number(), capacityGpuHours: z.number() }))
      .meta({ description: 'GPU-hours reserved against capacity per flavor per day, 30 days back to 14 ahead' }),
    waits: z
      .array(z.object({ day: z.string(), requests: z.number().int(), averageHours: z.number(), longestHours: z.number() }))
      .meta({ description: 'Hours from submission to start of the requests submitted each day (last 30 days)' }),
    burnDown: z
      .array(
        z.object({
          awardId: z.uuid(),
          organization: z.object({ id: z.uuid(), name: bilingualNameSchema }),
          granted: z.string(),
          held: z.string(),
          points: z.array(z.object({ day: z.string(), paid: fenValue('Paid that day'), remaining: fenBalance('Left after that day') })),
        }),
      )
      .meta({ description: 'Each compute voucher: what metered usage paid each day and what is left (fen)' }),
  })
  .meta({ description: 'Quotas with use and voucher balance, utilisation, waits and voucher burn-down' });
export type ComputeDashboard = z.infer<typeof computeDashboardSchema>;

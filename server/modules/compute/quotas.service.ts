import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import type { QuotaInput } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { requireOrganization } from '../ecosystem/index.js';
import { computeAdminPolicy } from './compute.policies.js';
import { computeFlavors, computeQueues, computeQuotas } from './compute.tables.js';
import type { Scope } from './pools.service.js';
import { voucherForAward } from './vouchers.service.js';

export type QuotaRow = typeof computeQuotas.$inferSelect;
export type QueueRow = typeof computeQueues.$inferSelect;

/**
 * Sets a company's quota of a flavor for a period (from a voucher award or a direct
 * allocation); the company's queue (cohort, weight) is made or updated with it.
 */
export async function setComputeQuota(tx: Tx, scope: Scope, input: QuotaInput): Promise<{ quota: QuotaRow; queue: QueueRow }> {
  computeAdminPolicy.authorize(scope.actor, 'manage', {});
  const hubId = scope.hub.id;
  if (input.periodEnd <= input.periodStart) throw new AppError('VALIDATION_FAILED', [{ path: 'periodEnd', code: 'ENDS_BEFORE_START' }]);
  // Ids this hub does not have are 404s under their fields (nothing is written).
  await requireOrganization(tx, hubId, input.organizationId);
  const [flavor] = await tx
    .select({ id: computeFlavors.id })
    .from(computeFlavors)
    .where(and(eq(computeFlavors.hubId, hubId), eq(computeFlavors.id, input.flavorId)));
  if (!flavor) throw new AppError('NOT_FOUND', [{ path: 'flavorId', code: 'NOT_IN_HUB' }]);
  const voucher = input.awardId ? await voucherForAward(tx, hubId, input.awardId, input.organizationId) : null;
  const [queue] = await tx
    .insert(computeQueues)
    .values({ hubId, id: uuidv7(), organizationId: input.organizationId, cohort: input.cohort, weight: input.weight })
    .onConflictDoUpdate({ target: [computeQueues.hubId, computeQueues.organizationId], set: { cohort: input.cohort, weight: input.weight } })
    .returning();
  const values = {
    gpuHours: input.gpuHours,
    nominal: input.concurrentGpus,
    borrowingLimit: input.borrowingLimit,
    lendingLimit: input.lendingLimit,
    periodEnd: input.periodEnd,
    voucherId: voucher?.id ?? null,
  };
  const [quota] = await tx
    .insert(computeQuotas)
    .values({ hubId, id: uuidv7(), queueId: queue!.id, flavorId: input.flavorId, periodStart: input.periodStart, ...values })
    .onConflictDoUpdate({ target: [computeQuotas.hubId, computeQuotas.queueId, computeQuotas.flavorId, computeQuotas.periodStart], set: values })
    .returning();
  await recordAudit(tx, {
    hubId,
    actorId: scope.actor.userId,
    action: 'compute.quota_set',
    subjectType: 'compute_quota',
    subjectId: quota!.id,
    payload: {
      organization: input.organizationId,
      flavor: input.flavorId,
      gpuHours: input.gpuHours,
      concurrentGpus: input.concurrentGpus,
      voucher: voucher?.id ?? null,
    },
  });
  return { quota: quota!, queue: queue! };
}

export async function queueOfOrganization(db: Db | Tx, hubId: string, organizationId: string): Promise<QueueRow | null> {
  const [row] = await db
    .select()
    .from(computeQueues)
    .where(and(eq(computeQueues.hubId, hubId), eq(computeQueues.organizationId, organizationId)));
  return row ?? null;
}

/** The quotas a company's queue holds today on these flavors: the ones the admission engine decides with (periodStart <= today < periodEnd). */
export async function currentQuotasOf(
  db: Db | Tx,
  hubId: string,
  queueId: string,
  flavorIds: string[],
  today: string,
): Promise<{ flavorId: string; concurrentGpus: number; borrowingLimit: number | null }[]> {
  if (flavorIds.length === 0) return [];
  return db
    .select({ flavorId: computeQuotas.flavorId, concurrentGpus: computeQuotas.nominal, borrowingLimit: computeQuotas.borrowingLimit })
    .from(computeQuotas)
    .where(
      and(
        eq(computeQuotas.hubId, hubId),
        eq(computeQuotas.queueId, queueId),
        inArray(computeQuotas.flavorId, flavorIds),
        lte(computeQuotas.periodStart, today),
        gt(computeQuotas.periodEnd, today),
      ),
    );
}

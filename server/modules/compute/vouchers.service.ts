import { and, eq, sql } from 'drizzle-orm';
import type { BenefitExplanation } from '../../../contracts/programs.js';
import type { Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { findApplication, programOf } from '../programs/index.js';
import { computeFirmYears, computeFlavors, computeQuotas, computeRequests, computeVouchers } from './compute.tables.js';
import { voucherRates } from './voucher-rates.js';

export type VoucherRow = typeof computeVouchers.$inferSelect;
type RequestRow = typeof computeRequests.$inferSelect;
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const AWARDED = ['approved', 'awarded', 'in_payment'];

/**
 * The compute side of a voucher award: what its usage tranches grant, its rates by the
 * program's formula, and the firm's annual cap. Made once per award (a replay finds it).
 */
export async function voucherForAward(tx: Tx, hubId: string, awardId: string, organizationId: string): Promise<VoucherRow> {
  const [found] = await tx
    .select()
    .from(computeVouchers)
    .where(and(eq(computeVouchers.hubId, hubId), eq(computeVouchers.awardId, awardId)));
  if (found) {
    if (found.organizationId !== organizationId) throw new AppError('VALIDATION_FAILED', [{ path: 'awardId', code: 'INVALID' }]);
    return found;
  }
  const app = await findApplication(tx, hubId, awardId).catch(() => null);
  // An award this hub does not have is a 404; one of this hub that does not fund this company's compute is invalid.
  if (!app) throw new AppError('NOT_FOUND', [{ path: 'awardId', code: 'NOT_IN_HUB' }]);
  if (app.organizationId !== organizationId || !AWARDED.includes(app.status) || !app.commitmentId)
    throw new AppError('VALIDATION_FAILED', [{ path: 'awardId', code: 'INVALID' }]);
  const { program, rules } = await programOf(tx, app);
  const benefit = app.benefit as BenefitExplanation | null;
  const granted = (benefit?.tranches ?? []).filter((t) => t.condition?.kind === 'metered_usage').reduce((s, t) => s + BigInt(t.amount), 0n);
  if (program.kind !== 'compute_voucher' || rules.benefit.type !== 'percentage' || granted === 0n)
    throw new AppError('VALIDATION_FAILED', [{ path: 'awardId', code: 'INVALID' }]);
  const rates = voucherRates(rules.benefit, app.answers as Record<string, unknown>);
  const [row] = await tx
    .insert(computeVouchers)
    .values({
      hubId,
      id: uuidv7(),
      organizationId,
      awardId,
      commitmentId: app.commitmentId,
      year: program.fiscalYear,
      domesticBasisPoints: rates.domestic,
      otherBasisPoints: rates.other,
      granted,
    })
    .returning();
  await tx
    .insert(computeFirmYears)
    .values({ hubId, organizationId, year: program.fiscalYear, cap: rates.annualCap ?? granted })
    .onConflictDoNothing();
  return row!;
}

/**
 * At admission: holds the voucher's share of the request's expected cost (list price x
 * GPU-hours x the rate for the flavor), as far as the voucher has money left. The quota
 * paying is the one of the hub's day the work starts on.
 */
export async function holdVoucher(tx: Tx, request: RequestRow, timeZone: string): Promise<void> {
  const startsOn = localToday(timeZone, request.startAt!);
  const [q] = await tx
    .select({ voucherId: computeQuotas.voucherId, price: computeFlavors.pricePerGpuHour, domestic: computeFlavors.domestic })
    .from(computeQuotas)
    .innerJoin(computeFlavors, and(eq(computeFlavors.hubId, computeQuotas.hubId), eq(computeFlavors.id, computeQuotas.flavorId)))
    .where(
      and(
        eq(computeQuotas.hubId, request.hubId),
        eq(computeQuotas.queueId, request.queueId),
        eq(computeQuotas.flavorId, request.flavorId!),
        sql`${computeQuotas.periodStart} <= ${startsOn}::date AND ${computeQuotas.periodEnd} > ${startsOn}::date`,
      ),
    );
  if (!q?.voucherId) return;
  const [v] = await tx
    .select()
    .from(computeVouchers)
    .where(and(eq(computeVouchers.hubId, request.hubId), eq(computeVouchers.id, q.voucherId)))
    .for('update');
  const rate = BigInt(q.domestic ? v!.domesticBasisPoints : v!.otherBasisPoints);
  const share = (q.price * BigInt(request.gpus * request.hours) * rate) / 10_000n;
  const hold = min(share, v!.granted - v!.held - v!.paid);
  await tx
    .update(computeVouchers)
    .set({ held: sql`${computeVouchers.held} + ${hold}` })
    .where(and(eq(computeVouchers.hubId, request.hubId), eq(computeVouchers.id, v!.id)));
  await tx
    .update(computeRequests)
    .set({ voucherId: v!.id, voucherHeld: hold })
    .where(and(eq(computeRequests.hubId, request.hubId), eq(computeRequests.id, request.id)));
}

/** Gives back what a request still holds (cancelled, requeued, preempted or finished and metered). */
export async function releaseHold(tx: Tx, request: RequestRow, _why: 'cancelled' | 'requeued' | 'preempted' | 'finished'): Promise<void> {
  if (!request.voucherId || request.voucherHeld === 0n) return;
  await tx
    .update(computeVouchers)
    .set({ held: sql`${computeVouchers.held} - ${request.voucherHeld}` })
    .where(and(eq(computeVouchers.hubId, request.hubId), eq(computeVouchers.id, request.voucherId)));
  await tx
    .update(computeRequests)
    .set({ voucherHeld: 0n })
    .where(and(eq(computeRequests.hubId, request.hubId), eq(computeRequests.id, request.id)));
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { transferAmounts } from '../budget/index.js';
import { computeUsage, computeVouchers } from './compute.tables.js';

export type ReconcileDifference = { voucherId: string; transferId: string | null; metered: string; ledger: string };

/**
 * Daily reconciliation: what usage records say the vouchers paid equals, to the fen,
 * what the ledger posted under the transfers that carry them (one per report, voucher
 * and direction: the records' sum per transfer) and what each voucher counts as paid.
 * Differences are listed, never fixed silently.
 */
export async function reconcileComputeVouchers(db: Db, hubId: string): Promise<{ vouchers: number; records: number; differences: ReconcileDifference[] }> {
  const vouchers = await db.select().from(computeVouchers).where(eq(computeVouchers.hubId, hubId));
  const usage = await db
    .select({ paid: computeUsage.voucherPaid, transferId: computeUsage.transferId, organizationId: computeUsage.organizationId })
    .from(computeUsage)
    .where(and(eq(computeUsage.hubId, hubId), eq(computeUsage.outcome, 'applied')));
  const byTransfer = new Map<string | null, bigint>();
  const sums = new Map<string, bigint>();
  for (const u of usage) {
    if (u.paid === 0n) continue;
    byTransfer.set(u.transferId, (byTransfer.get(u.transferId) ?? 0n) + u.paid);
    sums.set(u.organizationId, (sums.get(u.organizationId) ?? 0n) + u.paid);
  }
  const ledger = await transferAmounts(
    db,
    hubId,
    [...byTransfer.keys()].filter((id): id is string => id !== null),
  );
  const differences: ReconcileDifference[] = [];
  for (const [transferId, metered] of byTransfer) {
    const t = transferId ? ledger.get(transferId) : undefined;
    const signed = t ? (t.kind === 'posted' ? -t.amount : t.amount) : 0n;
    if (signed !== metered) differences.push({ voucherId: '', transferId, metered: metered.toString(), ledger: signed.toString() });
  }
  const paidByOrg = new Map<string, bigint>();
  for (const v of vouchers) paidByOrg.set(v.organizationId, (paidByOrg.get(v.organizationId) ?? 0n) + v.paid);
  for (const [org, paid] of paidByOrg) {
    const metered = sums.get(org) ?? 0n;
    if (metered !== paid)
      differences.push({
        voucherId: vouchers.find((v) => v.organizationId === org)!.id,
        transferId: null,
        metered: metered.toString(),
        ledger: paid.toString(),
      });
  }
  return { vouchers: vouchers.length, records: usage.length, differences };
}

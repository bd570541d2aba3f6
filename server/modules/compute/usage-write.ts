import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { uuidv7 } from '../../platform/ids.js';
import { clawBack, disburse, type LedgerCaller } from '../budget/index.js';
import { computeFirmYears, computeVouchers } from './compute.tables.js';
import type { UsagePlan } from './usage-plan.js';

export type WrittenTransfer = { id: string; voucherId: string; kind: 'disburse' | 'claw_back'; amount: string };

/**
 * Writes a planned batch in a fixed number of statements: per voucher at most one ledger
 * disbursement (and one claw-back when corrections lowered earlier costs), in commitment
 * order; every new record in one INSERT, each naming the transfer that carries its
 * payment; then the vouchers', firm years' and requests' running sums.
 */
export async function writeUsagePlan(
  tx: Tx,
  caller: LedgerCaller,
  batch: { providerId: string; batchId: string },
  plan: UsagePlan,
): Promise<WrittenTransfer[]> {
  const hubId = caller.hubId;
  const transfers: WrittenTransfer[] = [];
  const payIds = new Map<string, string>();
  const backIds = new Map<string, string>();
  const moves = [...plan.vouchers].sort((a, b) =>
    a.voucher.commitmentId < b.voucher.commitmentId ? -1 : a.voucher.commitmentId > b.voucher.commitmentId ? 1 : 0,
  );
  for (const m of moves) {
    const commitmentId = m.voucher.commitmentId;
    if (m.disbursed > 0n) {
      const id = uuidv7();
      await disburse(tx, caller, { transferId: id, commitmentId, amount: m.disbursed });
      payIds.set(m.voucher.id, id);
      transfers.push({ id, voucherId: m.voucher.id, kind: 'disburse', amount: m.disbursed.toString() });
    }
    if (m.clawedBack > 0n) {
      const id = uuidv7();
      await clawBack(tx, caller, { transferId: id, commitmentId, amount: m.clawedBack });
      backIds.set(m.voucher.id, id);
      transfers.push({ id, voucherId: m.voucher.id, kind: 'claw_back', amount: m.clawedBack.toString() });
    }
  }

  if (plan.rows.length) {
    // One JSON parameter for all rows: serialised natively, read by PostgreSQL in one pass.
    const rows = plan.rows.map((r) => ({
      id: r.id,
      record_id: r.record.recordId,
      request_id: r.record.requestId,
      organization_id: r.organizationId,
      flavor_id: r.record.flavorId,
      gpu_hours: r.record.gpuHours,
      started_at: r.record.startedAt,
      ended_at: r.record.endedAt,
      cost: r.record.cost,
      corrects_id: r.correctsId,
      voucher_paid: r.paid.toString(),
      outcome: r.outcome,
      code: r.code,
      transfer_id: r.paid > 0n ? payIds.get(r.voucherId!)! : r.paid < 0n ? backIds.get(r.voucherId!)! : null,
    }));
    await tx.execute(sql`
      INSERT INTO compute_usage (hub_id, provider_id, batch_id, id, record_id, request_id, organization_id, flavor_id, gpu_hours,
        started_at, ended_at, cost, corrects_id, voucher_paid, outcome, code, transfer_id)
      SELECT ${hubId}::uuid, ${batch.providerId}::uuid, ${batch.batchId}::uuid, u.* FROM json_to_recordset(${JSON.stringify(rows)}::json) AS u(
        id uuid, record_id text, request_id uuid, organization_id uuid, flavor_id uuid, gpu_hours numeric, started_at timestamptz,
        ended_at timestamptz, cost bigint, corrects_id uuid, voucher_paid bigint, outcome text, code text, transfer_id uuid)`);
  }

  for (const m of moves) {
    const net = m.disbursed - m.clawedBack;
    if (m.heldUsed === 0n && net === 0n) continue;
    await tx
      .update(computeVouchers)
      .set({ held: sql`${computeVouchers.held} - ${m.heldUsed}`, paid: sql`${computeVouchers.paid} + ${net}` })
      .where(and(eq(computeVouchers.hubId, hubId), eq(computeVouchers.id, m.voucher.id)));
  }
  for (const [key, delta] of plan.firms) {
    if (delta === 0n) continue;
    const [organizationId, year] = key.split(':');
    await tx
      .update(computeFirmYears)
      .set({ paid: sql`${computeFirmYears.paid} + ${delta}` })
      .where(and(eq(computeFirmYears.hubId, hubId), eq(computeFirmYears.organizationId, organizationId!), eq(computeFirmYears.year, Number(year))));
  }
  const used = [...plan.heldUsed].filter(([, n]) => n > 0n);
  if (used.length)
    await tx.execute(sql`
      UPDATE compute_requests r SET voucher_held = r.voucher_held - d.used
      FROM unnest(${sql.param(used.map(([id]) => id))}::uuid[], ${sql.param(used.map(([, n]) => n.toString()))}::bigint[]) AS d(id, used)
      WHERE r.hub_id = ${hubId} AND r.id = d.id`);
  return transfers;
}

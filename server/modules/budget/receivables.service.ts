import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { accountByCode, accountFree, guardAnyYear } from './accounts.js';
import { limited } from './budget.service.js';
import { ledgerTransfers } from './budget.tables.js';
import { commitmentChain, type Cause, type LedgerCaller } from './commitments.service.js';
import { applyTransfer, type TransferRow } from './ledger.js';

/**
 * Money an awardee owes back (a recovery after a breach), as a receivable in the ledger:
 * a pending transfer from the award's account back to the line it came from — or, when
 * that year is closed, to the year's envelope. Each repayment received posts part of it;
 * a write-off voids what is left. The award account's own limit (what left it never
 * exceeds what it was paid) caps every recovery, whatever the concurrency.
 */

/**
 * What an award paid and the city has not yet taken back or claimed back (fen): over its
 * commitment and the ones it was carried to at a year's close (each paid from its own year).
 */
export async function awardOutstanding(tx: Tx, hubId: string, commitmentId: string): Promise<bigint> {
  let total = 0n;
  for (const c of await commitmentChain(tx, hubId, commitmentId)) total += await accountFree(tx, hubId, c.awardAccountId);
  return total;
}

/**
 * Records a recovery due: the pending transfer award -> line (or envelope). A carried award
 * was paid from several years: the receivable takes the latest award account that holds
 * the whole amount (a retry the one it took first); its limit refuses one that holds it nowhere.
 */
export async function openReceivable(
  tx: Tx,
  caller: LedgerCaller,
  input: { transferId: string; commitmentId: string; amount: bigint; cause: Cause },
): Promise<TransferRow> {
  const chain = (await commitmentChain(tx, caller.hubId, input.commitmentId)).reverse();
  const [first] = await tx
    .select({ debitAccountId: ledgerTransfers.debitAccountId })
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.hubId, caller.hubId), eq(ledgerTransfers.id, input.transferId)));
  let c = chain.find((x) => x.awardAccountId === first?.debitAccountId);
  for (const x of chain) if (!c && (await accountFree(tx, caller.hubId, x.awardAccountId)) >= input.amount) c = x;
  c ??= chain[0]!;
  const year = await guardAnyYear(tx, caller.hubId, c.fiscalYearId);
  const creditAccountId = year.status === 'open' ? c.lineAccountId : (await accountByCode(tx, caller.hubId, c.fiscalYearId, 'envelope')).id;
  const { transfer, replayed } = await limited(
    'amount',
    () =>
      applyTransfer(tx, {
        hubId: caller.hubId,
        id: input.transferId,
        fiscalYearId: c.fiscalYearId,
        kind: 'pending',
        debitAccountId: c.awardAccountId,
        creditAccountId,
        amount: input.amount,
        reason: 'recovery',
        cause: input.cause,
        actorId: caller.actorId,
      }),
    'CLAWBACK_EXCEEDS_PAID',
  );
  if (!replayed) await audit(tx, caller, 'ledger.recovery_due', transfer, input.amount);
  return transfer;
}

/** A repayment received: posts `amount` of the receivable (the caller checks it is not more than is left). */
export async function receiveRepayment(tx: Tx, caller: LedgerCaller, input: { transferId: string; receivableId: string; amount: bigint }): Promise<void> {
  const r = await receivable(tx, caller.hubId, input.receivableId);
  await guardAnyYear(tx, caller.hubId, r.fiscalYearId);
  const { replayed } = await applyTransfer(tx, {
    hubId: caller.hubId,
    id: input.transferId,
    fiscalYearId: r.fiscalYearId,
    kind: 'post_pending',
    debitAccountId: r.debitAccountId,
    creditAccountId: r.creditAccountId,
    amount: input.amount,
    pendingId: r.id,
    reason: 'repayment',
    cause: causeOf(r),
    actorId: caller.actorId,
  });
  if (!replayed) await audit(tx, caller, 'ledger.repayment_received', r, input.amount);
}

/** Gives up what is left of a receivable (`amount`, computed by the caller from its tally). */
export async function writeOffReceivable(tx: Tx, caller: LedgerCaller, input: { transferId: string; receivableId: string; amount: bigint }): Promise<void> {
  if (input.amount <= 0n) return;
  const r = await receivable(tx, caller.hubId, input.receivableId);
  await guardAnyYear(tx, caller.hubId, r.fiscalYearId);
  const { replayed } = await applyTransfer(tx, {
    hubId: caller.hubId,
    id: input.transferId,
    fiscalYearId: r.fiscalYearId,
    kind: 'void_pending',
    debitAccountId: r.debitAccountId,
    creditAccountId: r.creditAccountId,
    amount: input.amount,
    pendingId: r.id,
    reason: 'write_off',
    cause: causeOf(r),
    actorId: caller.actorId,
  });
  if (!replayed) await audit(tx, caller, 'ledger.written_off', r, input.amount);
}

async function receivable(tx: Tx, hubId: string, id: string): Promise<TransferRow> {
  const [row] = await tx
    .select()
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.hubId, hubId), eq(ledgerTransfers.id, id)));
  if (!row || row.kind !== 'pending' || row.reason !== 'recovery') throw notFound();
  return row;
}

const causeOf = (r: TransferRow): Cause | null => (r.causeType && r.causeId ? { type: r.causeType, id: r.causeId } : null);

function audit(tx: Tx, caller: LedgerCaller, action: string, r: TransferRow, amount: bigint) {
  return recordAudit(tx, {
    hubId: caller.hubId,
    actorId: caller.actorId,
    action,
    subjectType: 'ledger_transfer',
    subjectId: r.id,
    payload: { amount: amount.toString(), cause: r.causeId },
  });
}

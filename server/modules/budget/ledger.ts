import { and, eq, sql } from 'drizzle-orm';
import type { ReasonCode } from '../../../contracts/budget.js';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { ledgerTransfers } from './budget.tables.js';

/**
 * The ledger: double entry, append only, two-phase (TigerBeetle's model in PostgreSQL).
 * Every function runs inside the caller's transaction and does exactly two things: insert
 * one immutable transfer row (the caller's id is its key, so a retry cannot apply twice)
 * and move the four running totals of its two accounts in one UPDATE, where the
 * accounts' CHECK constraints refuse any overdraft. Nothing is read first and decided
 * in Node: the database decides.
 */
export type TransferKind = 'posted' | 'pending' | 'post_pending' | 'void_pending';

export type TransferSpec = {
  hubId: string;
  id: string;
  fiscalYearId: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  pendingId?: string | null;
  reason: ReasonCode;
  cause?: { type: string; id: string } | null;
  note?: string | null;
  actorId: string | null;
};

export type TransferRow = typeof ledgerTransfers.$inferSelect;

/** Thrown when an account's limit would be broken; callers name it for their context. */
export class LedgerLimitError extends Error {
  constructor(readonly accountId: string | null) {
    super('ledger limit');
  }
}

// How each kind of transfer moves [debitsPending, debitsPosted, creditsPending, creditsPosted].
const deltas: Record<TransferKind, [number, number, number, number]> = {
  posted: [0, 1, 0, 1],
  pending: [1, 0, 1, 0],
  post_pending: [-1, 1, -1, 1],
  void_pending: [-1, 0, -1, 0],
};

/** Applies one transfer, or replays it if this id was applied before with the same terms. */
export async function applyTransfer(tx: Tx, spec: TransferSpec): Promise<{ transfer: TransferRow; replayed: boolean }> {
  const [inserted] = await tx
    .insert(ledgerTransfers)
    .values({
      hubId: spec.hubId,
      id: spec.id,
      fiscalYearId: spec.fiscalYearId,
      kind: spec.kind,
      debitAccountId: spec.debitAccountId,
      creditAccountId: spec.creditAccountId,
      amount: spec.amount,
      pendingId: spec.pendingId ?? null,
      reason: spec.reason,
      causeType: spec.cause?.type ?? null,
      causeId: spec.cause?.id ?? null,
      note: spec.note ?? null,
      actorId: spec.actorId,
    })
    .onConflictDoNothing({ target: [ledgerTransfers.hubId, ledgerTransfers.id] })
    .returning();
  if (!inserted) return { transfer: await replay(tx, spec), replayed: true };

  const [dp, dP, cp, cP] = deltas[spec.kind].map((sign) => BigInt(sign) * spec.amount) as [bigint, bigint, bigint, bigint];
  try {
    const result = await tx.execute(sql`
      UPDATE ledger_accounts SET
        debits_pending  = debits_pending  + CASE WHEN id = ${spec.debitAccountId}::uuid THEN ${dp}::bigint ELSE 0 END,
        debits_posted   = debits_posted   + CASE WHEN id = ${spec.debitAccountId}::uuid THEN ${dP}::bigint ELSE 0 END,
        credits_pending = credits_pending + CASE WHEN id = ${spec.creditAccountId}::uuid THEN ${cp}::bigint ELSE 0 END,
        credits_posted  = credits_posted  + CASE WHEN id = ${spec.creditAccountId}::uuid THEN ${cP}::bigint ELSE 0 END
      WHERE hub_id = ${spec.hubId} AND id IN (${spec.debitAccountId}::uuid, ${spec.creditAccountId}::uuid)`);
    if (result.rowCount !== 2) throw new Error(`ledger: accounts of transfer ${spec.id} not found in hub`);
  } catch (error) {
    if (sqlState(error) === '23514' && constraintName(error) === 'ledger_accounts_debit_limit_check') throw new LedgerLimitError(spec.debitAccountId);
    throw error;
  }
  return { transfer: inserted, replayed: false };
}

/** The same id with the same terms is the same transfer; different terms are a misuse. */
async function replay(tx: Tx, spec: TransferSpec): Promise<TransferRow> {
  const [first] = await tx
    .select()
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.hubId, spec.hubId), eq(ledgerTransfers.id, spec.id)));
  const same =
    first &&
    first.kind === spec.kind &&
    first.debitAccountId === spec.debitAccountId &&
    first.creditAccountId === spec.creditAccountId &&
    first.amount === spec.amount &&
    (first.pendingId ?? null) === (spec.pendingId ?? null);
  if (!same) throw new AppError('TRANSFER_ID_REUSED', [{ path: 'transferId', code: 'INVALID' }]);
  return first;
}

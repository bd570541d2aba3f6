import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { constraintName, serverMessage, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { lockYear } from './accounts.js';
import { commitments, fiscalYears, ledgerTransfers } from './budget.tables.js';
import { applyTransfer } from './ledger.js';

/**
 * The budget API other modules use for awards. Each call takes a caller-chosen transfer
 * id, so a retried request (or a re-run job) applies once. Each runs in the caller's
 * transaction, next to the award change that causes it.
 */
export type LedgerCaller = { hubId: string; actorId: string | null };
export type Cause = { type: string; id: string };
export type CommitmentRow = typeof commitments.$inferSelect;

/**
 * Reserves `amount` of a line for an award: a pending transfer line -> award account.
 * The hottest path of the ledger, so it is one round trip: the SQL function
 * dg_ledger_commit (migrations/0004) does the same steps as applyTransfer plus the
 * commitment row and the audit event; the tables' constraints still hold every invariant.
 * Called with the database rather than a transaction, it is its own transaction.
 * `payNow` posts part of it at once (an unconditional tranche), in the same round trip.
 */
export async function commit(
  tx: Tx | Db,
  caller: LedgerCaller,
  input: { transferId: string; year: number; lineCode: string; amount: bigint; cause: Cause; payNow?: { transferId: string; amount: bigint } },
): Promise<CommitmentRow> {
  const pay = input.payNow && input.payNow.amount > 0n ? input.payNow : null;
  try {
    const { rows } = await tx.execute<RawCommitment>(sql`
      SELECT * FROM dg_ledger_commit(${caller.hubId}, ${input.transferId}, ${input.year}, ${input.lineCode}, ${input.amount}::bigint,
        ${input.cause.type}, ${input.cause.id}, ${caller.actorId}, ${uuidv7()}, ${uuidv7()},
        ${pay?.transferId ?? null}::uuid, ${pay?.amount ?? 0n}::bigint, ${pay ? uuidv7() : null}::uuid)`);
    return commitmentOf(rows[0]!);
  } catch (error) {
    throw ledgerRefusal(error) ?? error;
  }
}

/**
 * A commitment refused by the ledger (dg_ledger_commit, called alone or inside another
 * write's function) as the app's error: the line overdrawn, the year closed, a transfer id
 * reused. Undefined for anything else, which the caller rethrows.
 */
export function ledgerRefusal(error: unknown): AppError | undefined {
  if (sqlState(error) === '23514' && constraintName(error) === 'ledger_accounts_debit_limit_check')
    return new AppError('BUDGET_EXHAUSTED', [{ path: 'amount', code: 'TOO_BIG' }]);
  if (sqlState(error) === '23514' && constraintName(error) === 'commitments_posted_check')
    return new AppError('COMMITMENT_EXCEEDED', [{ path: 'amount', code: 'TOO_BIG' }]);
  if (sqlState(error) !== 'DG001') return undefined;
  const code = serverMessage(error) ?? '';
  if (code === 'NOT_FOUND') return notFound();
  if (code === 'LINE_NOT_FOUND') return new AppError('VALIDATION_FAILED', [{ path: 'line', code: 'NOT_IN_HUB' }]);
  if (code === 'FISCAL_YEAR_CLOSED') return new AppError('FISCAL_YEAR_CLOSED');
  if (code === 'TRANSFER_ID_REUSED') return new AppError('TRANSFER_ID_REUSED', [{ path: 'transferId', code: 'INVALID' }]);
  return undefined;
}

type RawCommitment = {
  hub_id: string;
  id: string;
  fiscal_year_id: string;
  line_account_id: string;
  award_account_id: string;
  amount: string;
  posted: string;
  released: boolean;
  cause_type: string;
  cause_id: string;
  carried_to: string | null;
  created_at: string | Date;
};

function commitmentOf(r: RawCommitment): CommitmentRow {
  return {
    hubId: r.hub_id,
    id: r.id,
    fiscalYearId: r.fiscal_year_id,
    lineAccountId: r.line_account_id,
    awardAccountId: r.award_account_id,
    amount: BigInt(r.amount),
    posted: BigInt(r.posted),
    released: r.released,
    causeType: r.cause_type,
    causeId: r.cause_id,
    carriedTo: r.carried_to ?? null,
    createdAt: new Date(r.created_at),
  };
}

/** Pays a tranche of a commitment: posts part of the pending transfer. */
export async function disburse(tx: Tx, caller: LedgerCaller, input: { transferId: string; commitmentId: string; amount: bigint }): Promise<CommitmentRow> {
  // Lock the commitment first: tranches of one commitment queue here, and a released
  // one is refused as such, not as an overdraft.
  // A commitment carried into the next year pays from there; a tranche paid before the
  // carry (a retry of it) is the same tranche.
  const c = await lockCommitment(tx, caller.hubId, input.commitmentId, 'follow');
  if (c.released || c.id !== input.commitmentId) {
    if (await transferExists(tx, caller.hubId, input.transferId)) return c;
    if (c.released) throw new AppError('COMMITMENT_RELEASED');
  }
  const { year } = await yearOf(tx, caller.hubId, c.fiscalYearId);
  await lockYear(tx, caller.hubId, year);
  const { replayed } = await applyTransfer(tx, {
    hubId: caller.hubId,
    id: input.transferId,
    fiscalYearId: c.fiscalYearId,
    kind: 'post_pending',
    debitAccountId: c.lineAccountId,
    creditAccountId: c.awardAccountId,
    amount: input.amount,
    pendingId: c.id,
    reason: 'disburse',
    cause: { type: c.causeType, id: c.causeId },
    actorId: caller.actorId,
  }).catch(overPosted);
  if (replayed) return c;
  const [updated] = await tx
    .update(commitments)
    .set({ posted: sql`${commitments.posted} + ${input.amount}` })
    .where(and(eq(commitments.hubId, caller.hubId), eq(commitments.id, c.id)))
    .returning()
    .catch(overPosted);
  await recordAudit(tx, {
    hubId: caller.hubId,
    actorId: caller.actorId,
    action: 'ledger.disbursed',
    subjectType: 'commitment',
    subjectId: c.id,
    payload: { transferId: input.transferId, amount: input.amount.toString() },
  });
  return updated!;
}

/** Gives back what is left of a commitment to its line (once). */
export async function release(
  tx: Tx,
  caller: LedgerCaller,
  input: { transferId: string; commitmentId: string; reason?: 'release' | 'year_close'; carriedTo?: string },
): Promise<CommitmentRow> {
  const c = await lockCommitment(tx, caller.hubId, input.commitmentId, input.carriedTo ? 'own' : 'follow');
  if (c.released) {
    if (await transferExists(tx, caller.hubId, input.transferId)) return c;
    throw new AppError('COMMITMENT_RELEASED');
  }
  const remainder = c.amount - c.posted;
  if (remainder > 0n) {
    await applyTransfer(tx, {
      hubId: caller.hubId,
      id: input.transferId,
      fiscalYearId: c.fiscalYearId,
      kind: 'void_pending',
      debitAccountId: c.lineAccountId,
      creditAccountId: c.awardAccountId,
      amount: remainder,
      pendingId: c.id,
      reason: input.reason ?? 'release',
      cause: { type: c.causeType, id: c.causeId },
      actorId: caller.actorId,
    });
  }
  const [updated] = await tx
    .update(commitments)
    .set({ released: true, carriedTo: input.carriedTo ?? null })
    .where(and(eq(commitments.hubId, caller.hubId), eq(commitments.id, c.id)))
    .returning();
  await recordAudit(tx, {
    hubId: caller.hubId,
    actorId: caller.actorId,
    action: 'ledger.released',
    subjectType: 'commitment',
    subjectId: c.id,
    payload: { transferId: input.transferId, amount: remainder.toString(), ...(input.carriedTo ? { carriedTo: input.carriedTo } : {}) },
  });
  return updated!;
}

/**
 * The commitment a holder's id names, as made (its year, accounts, date); `released` says
 * whether anything of it can still be paid, so it is that of the commitment its rest was
 * carried to when a year closed with carry_forward.
 */
export async function findCommitment(tx: Tx, hubId: string, id: string): Promise<CommitmentRow> {
  const row = await ownCommitment(tx, hubId, id);
  return row.carriedTo ? { ...row, released: (await liveCommitment(tx, hubId, row.carriedTo)).released } : row;
}

/** The commitment row itself, carried or not. */
async function ownCommitment(tx: Tx, hubId: string, id: string): Promise<CommitmentRow> {
  const [row] = await tx
    .select()
    .from(commitments)
    .where(and(eq(commitments.hubId, hubId), eq(commitments.id, id)));
  if (!row) throw notFound();
  return row;
}

/** The commitment and each one its rest was carried to at a year's close, in that order. */
export async function commitmentChain(tx: Tx, hubId: string, id: string): Promise<CommitmentRow[]> {
  const chain = [await ownCommitment(tx, hubId, id)];
  while (chain.at(-1)!.carriedTo) chain.push(await ownCommitment(tx, hubId, chain.at(-1)!.carriedTo!));
  return chain;
}

/** The commitment that pays for this id now: the last one its rest was carried to, else itself. */
async function liveCommitment(tx: Tx, hubId: string, id: string): Promise<CommitmentRow> {
  return (await commitmentChain(tx, hubId, id)).at(-1)!;
}

/** Locks the commitment, or (`follow`) each one along its carries and returns the last. */
async function lockCommitment(tx: Tx, hubId: string, id: string, mode: 'own' | 'follow'): Promise<CommitmentRow> {
  const [row] = await tx
    .select()
    .from(commitments)
    .where(and(eq(commitments.hubId, hubId), eq(commitments.id, id)))
    .for('update');
  if (!row) throw notFound();
  return mode === 'follow' && row.carriedTo ? lockCommitment(tx, hubId, row.carriedTo, mode) : row;
}

export async function transferExists(tx: Tx, hubId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: ledgerTransfers.id })
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.hubId, hubId), eq(ledgerTransfers.id, id)));
  return Boolean(row);
}

async function yearOf(tx: Tx, hubId: string, fiscalYearId: string) {
  const [row] = await tx
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.hubId, hubId), eq(fiscalYears.id, fiscalYearId)));
  return row!;
}

/** Posting past the pending amount trips a CHECK: that is a tranche too large. */
function overPosted(error: unknown): never {
  if (sqlState(error) === '23514' && ['commitments_posted_check', 'ledger_accounts_nonnegative_check'].includes(constraintName(error) ?? '')) {
    throw new AppError('COMMITMENT_EXCEEDED', [{ path: 'amount', code: 'TOO_BIG' }]);
  }
  throw error;
}

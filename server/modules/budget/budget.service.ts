import type { z } from 'zod';
import type { budgetLineInputSchema, fiscalYearInputSchema, lineTransferInputSchema } from '../../../contracts/budget.js';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { accountByCode, lockYear, openAccount, type AccountRow, type YearRow } from './accounts.js';
import { transferAmounts } from './transfer-lookup.js';
import { budgetPolicy } from './budget.policies.js';
import { fiscalYears } from './budget.tables.js';
import { applyTransfer, LedgerLimitError, type TransferRow } from './ledger.js';

export type BudgetScope = { hub: HubRow; actor: Actor };

/** The tech envelope: revenue x share, rounded down to the fen. */
export function envelopeOf(revenue: bigint, shareBasisPoints: number): bigint {
  return (revenue * BigInt(shareBasisPoints)) / 10_000n;
}

/** Opens a fiscal year: the treasury funds the envelope with revenue x tech share. */
export async function openFiscalYear(tx: Tx, { hub, actor }: BudgetScope, input: z.output<typeof fiscalYearInputSchema>): Promise<YearRow> {
  budgetPolicy.authorize(actor, 'write', null);
  const id = uuidv7();
  const [year] = await tx
    .insert(fiscalYears)
    .values({ hubId: hub.id, id, year: input.year, revenueMinor: BigInt(input.revenue), techShareBp: input.techShareBasisPoints })
    .onConflictDoNothing()
    .returning();
  if (!year) throw new AppError('FISCAL_YEAR_EXISTS', [{ path: 'year', code: 'INVALID' }]);
  const { account: treasury } = await openAccount(tx, {
    hubId: hub.id,
    fiscalYearId: id,
    kind: 'treasury',
    code: 'treasury',
    name: { zh: '财政', en: 'Treasury' },
  });
  const { account: envelope } = await openAccount(tx, {
    hubId: hub.id,
    fiscalYearId: id,
    kind: 'envelope',
    code: 'envelope',
    name: { zh: '科技资金池', en: 'Tech envelope' },
  });
  const amount = envelopeOf(year.revenueMinor, year.techShareBp);
  if (amount > 0n) {
    await applyTransfer(tx, {
      hubId: hub.id,
      id: uuidv7(),
      fiscalYearId: id,
      kind: 'posted',
      debitAccountId: treasury.id,
      creditAccountId: envelope.id,
      amount,
      reason: 'allocate_envelope',
      actorId: actor.userId,
    });
  }
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'fiscal_year.opened',
    subjectType: 'fiscal_year',
    subjectId: id,
    payload: { year: input.year, revenue: input.revenue, techShareBp: input.techShareBasisPoints, envelope: amount.toString() },
  });
  return year;
}

/** A new budget line, funded from the envelope in the same transaction. */
export async function createBudgetLine(
  tx: Tx,
  { hub, actor }: BudgetScope,
  yearNumber: number,
  input: z.output<typeof budgetLineInputSchema>,
): Promise<{ line: AccountRow; transfer: TransferRow; replayed: boolean }> {
  budgetPolicy.authorize(actor, 'write', null);
  const year = await lockYear(tx, hub.id, yearNumber);
  const envelope = await accountByCode(tx, hub.id, year.id, 'envelope');
  // The insert decides who opens the line: a line already there (or opened by a request
  // running at the same time) is LINE_EXISTS, unless this is a retry of its funding.
  const { account: line, created } = await openAccount(tx, { hubId: hub.id, fiscalYearId: year.id, kind: 'budget_line', code: input.code, name: input.name });
  if (!created && !(await transferAmounts(tx, hub.id, [input.transferId])).has(input.transferId))
    throw new AppError('LINE_EXISTS', [{ path: 'code', code: 'INVALID' }]);
  const result = await limited('amount', () =>
    applyTransfer(tx, {
      hubId: hub.id,
      id: input.transferId,
      fiscalYearId: year.id,
      kind: 'posted',
      debitAccountId: envelope.id,
      creditAccountId: line.id,
      amount: BigInt(input.amount),
      reason: 'fund_line',
      cause: { type: 'budget_line', id: line.id },
      actorId: actor.userId,
    }),
  );
  if (!created && !result.replayed) throw new AppError('LINE_EXISTS', [{ path: 'code', code: 'INVALID' }]);
  if (!result.replayed) {
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: actor.userId,
      action: 'budget_line.created',
      subjectType: 'ledger_account',
      subjectId: line.id,
      payload: { code: input.code, amount: input.amount, transferId: input.transferId },
    });
  }
  return { line, ...result };
}

/** Moves money between two lines of one year: a transfer, never an edit. */
export async function transferBetweenLines(tx: Tx, { hub, actor }: BudgetScope, yearNumber: number, input: z.output<typeof lineTransferInputSchema>) {
  budgetPolicy.authorize(actor, 'write', null);
  const year = await lockYear(tx, hub.id, yearNumber);
  const from = await accountByCode(tx, hub.id, year.id, input.fromLine, 'fromLine');
  const to = await accountByCode(tx, hub.id, year.id, input.toLine, 'toLine');
  if (from.kind !== 'budget_line') throw new AppError('VALIDATION_FAILED', [{ path: 'fromLine', code: 'INVALID' }]);
  if (to.kind !== 'budget_line') throw new AppError('VALIDATION_FAILED', [{ path: 'toLine', code: 'INVALID' }]);
  const result = await limited('amount', () =>
    applyTransfer(tx, {
      hubId: hub.id,
      id: input.transferId,
      fiscalYearId: year.id,
      kind: 'posted',
      debitAccountId: from.id,
      creditAccountId: to.id,
      amount: BigInt(input.amount),
      reason: 'line_transfer',
      note: input.note ?? null,
      actorId: actor.userId,
    }),
  );
  if (!result.replayed) {
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: actor.userId,
      action: 'budget_line.transfer',
      subjectType: 'ledger_transfer',
      subjectId: input.transferId,
      payload: { from: from.code, to: to.code, amount: input.amount },
    });
  }
  return result;
}

/** Runs a ledger write, turning an account limit into BUDGET_EXHAUSTED on `path`. */
export async function limited<T>(path: string, write: () => Promise<T>, code: 'BUDGET_EXHAUSTED' | 'CLAWBACK_EXCEEDS_PAID' = 'BUDGET_EXHAUSTED'): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof LedgerLimitError) throw new AppError(code, [{ path, code: 'TOO_BIG' }]);
    if (sqlState(error) === '23505' && constraintName(error) === 'ledger_accounts_code_key')
      throw new AppError('LINE_EXISTS', [{ path: 'code', code: 'INVALID' }]);
    throw error;
  }
}

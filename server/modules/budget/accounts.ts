import { and, eq, sql } from 'drizzle-orm';
import type { AccountKind } from '../../../contracts/budget.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { fiscalYears, ledgerAccounts } from './budget.tables.js';

export type YearRow = typeof fiscalYears.$inferSelect;
export type AccountRow = typeof ledgerAccounts.$inferSelect;

/**
 * The year, guarded for the rest of the transaction: writers take a shared advisory lock
 * on it, closing takes it exclusively, so nothing lands in a year while it closes. An
 * advisory lock writes nothing to the row (a shared row lock would create a multixact
 * for every concurrent writer of a busy year).
 */
export async function lockYear(tx: Tx, hubId: string, year: number, mode: 'share' | 'update' = 'share'): Promise<YearRow> {
  const key = sql`hashtextextended(${`${hubId}:${year}`}, 0)`;
  await tx.execute(mode === 'share' ? sql`SELECT pg_advisory_xact_lock_shared(${key})` : sql`SELECT pg_advisory_xact_lock(${key})`);
  const [row] = await tx
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.hubId, hubId), eq(fiscalYears.year, year)));
  if (!row) throw notFound();
  if (row.status !== 'open') throw new AppError('FISCAL_YEAR_CLOSED');
  return row;
}

export async function findYear(db: Db | Tx, hubId: string, year: number): Promise<YearRow> {
  const [row] = await db
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.hubId, hubId), eq(fiscalYears.year, year)));
  if (!row) throw notFound();
  return row;
}

export async function accountByCode(db: Db | Tx, hubId: string, fiscalYearId: string, code: string, path = 'line'): Promise<AccountRow> {
  const [row] = await db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.hubId, hubId), eq(ledgerAccounts.fiscalYearId, fiscalYearId), eq(ledgerAccounts.code, code)));
  if (!row) throw new AppError('VALIDATION_FAILED', [{ path, code: 'NOT_IN_HUB' }]);
  return row;
}

type NewAccount = { hubId: string; fiscalYearId: string; kind: AccountKind; code: string; name: { zh: string; en: string } };

/**
 * Opens an account; the treasury alone may go below zero (it is the city's purse). One
 * insert, so of two requests opening the same code at once exactly one opens it: `created`
 * says which, and the other gets the row that is there (committed first: the unique key waits).
 */
export async function openAccount(tx: Tx, account: NewAccount): Promise<{ account: AccountRow; created: boolean }> {
  const [row] = await tx
    .insert(ledgerAccounts)
    .values({
      hubId: account.hubId,
      id: uuidv7(),
      fiscalYearId: account.fiscalYearId,
      kind: account.kind,
      code: account.code,
      nameZh: account.name.zh,
      nameEn: account.name.en,
      debitsMustNotExceedCredits: account.kind !== 'treasury',
    })
    .onConflictDoNothing()
    .returning();
  return row ? { account: row, created: true } : { account: await accountByCode(tx, account.hubId, account.fiscalYearId, account.code), created: false };
}

/** What a line still has free (credits posted - debits posted - debits pending), or null if there is no such line. */
export async function lineAvailable(db: Db | Tx, hubId: string, year: number, code: string): Promise<bigint | null> {
  const [row] = await db
    .select({ free: sql<string>`(${ledgerAccounts.creditsPosted} - ${ledgerAccounts.debitsPosted} - ${ledgerAccounts.debitsPending})::text` })
    .from(ledgerAccounts)
    .innerJoin(fiscalYears, and(eq(fiscalYears.hubId, ledgerAccounts.hubId), eq(fiscalYears.id, ledgerAccounts.fiscalYearId)))
    .where(and(eq(ledgerAccounts.hubId, hubId), eq(fiscalYears.year, year), eq(ledgerAccounts.code, code)));
  return row ? BigInt(row.free) : null;
}

/** What an account holds free (credits posted - debits posted - debits pending), in fen. */
export async function accountFree(db: Db | Tx, hubId: string, accountId: string): Promise<bigint> {
  const [row] = await db
    .select({ free: sql<string>`(${ledgerAccounts.creditsPosted} - ${ledgerAccounts.debitsPosted} - ${ledgerAccounts.debitsPending})::text` })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.hubId, hubId), eq(ledgerAccounts.id, accountId)));
  return BigInt(row!.free);
}

/**
 * Money taken back lands in closed years too (it came from there), so this takes the
 * year's shared advisory lock (a closing in progress finishes first) without refusing a
 * closed year the way new commitments are refused. Returns the year with its status now.
 */
export async function guardAnyYear(tx: Tx, hubId: string, fiscalYearId: string): Promise<YearRow> {
  const [row] = await tx
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.hubId, hubId), eq(fiscalYears.id, fiscalYearId)));
  if (!row) throw notFound();
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${`${hubId}:${row.year}`}, 0))`);
  const [now] = await tx
    .select({ status: fiscalYears.status })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.hubId, hubId), eq(fiscalYears.id, fiscalYearId)));
  return { ...row, status: now!.status };
}

import { and, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { transferListQuerySchema } from '../../../contracts/budget.js';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../../platform/errors.js';
import { pageOf, readCursorOf } from '../../platform/pagination.js';
import { budgetPolicy } from './budget.policies.js';
import type { BudgetScope } from './budget.service.js';
import { commitments, ledgerAccounts, ledgerTransfers } from './budget.tables.js';
import type { AccountRow, YearRow } from './accounts.js';

/** Transfers of a year, newest first, filtered by account, reason and time; cursor paged. */
export async function listLedgerTransfers(db: Db | Tx, { actor, hub }: BudgetScope, year: YearRow, query: z.output<typeof transferListQuerySchema>) {
  budgetPolicy.authorize(actor, 'read', null);
  // An account named in the filter is one of this year's, as one named in a path would be.
  if (query.account) {
    const [account] = await db
      .select({ id: ledgerAccounts.id })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.fiscalYearId, year.id), eq(ledgerAccounts.id, query.account)));
    if (!account) throw notFound();
  }
  const where: SQL[] = [eq(ledgerTransfers.hubId, hub.id), eq(ledgerTransfers.fiscalYearId, year.id)];
  if (query.account) where.push(or(eq(ledgerTransfers.debitAccountId, query.account), eq(ledgerTransfers.creditAccountId, query.account))!);
  if (query.reason) where.push(eq(ledgerTransfers.reason, query.reason));
  if (query.from) where.push(gte(ledgerTransfers.createdAt, new Date(query.from)));
  if (query.to) where.push(lte(ledgerTransfers.createdAt, new Date(query.to)));
  // Callers choose transfer ids (any UUID), so time order is (created_at, id), not id.
  // The cursor holds the last transfer's id (checked as a uuid); its exact created_at is read back in SQL.
  const key = readCursorOf(query.next, [ledgerTransfers.id]);
  if (key) {
    where.push(
      sql`(${ledgerTransfers.createdAt}, ${ledgerTransfers.id}) < (SELECT t.created_at, t.id FROM ledger_transfers t WHERE t.hub_id = ${hub.id} AND t.id = ${key[0]}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(ledgerTransfers)
    .where(and(...where))
    .orderBy(desc(ledgerTransfers.createdAt), desc(ledgerTransfers.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (t) => [t.id]);
}

/** Accounts of a year with committed/disbursed per line (for the envelope view). */
export async function yearAccounts(db: Db | Tx, hubId: string, year: YearRow): Promise<AccountRow[]> {
  return db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.hubId, hubId), eq(ledgerAccounts.fiscalYearId, year.id)))
    .orderBy(ledgerAccounts.kind, ledgerAccounts.code);
}

/** Committed (still pending) and disbursed per line, from the commitments. */
export async function lineUsage(db: Db | Tx, hubId: string, year: YearRow) {
  const { rows } = await db.execute<{ line: string; committed: string; disbursed: string }>(sql`
    SELECT line_account_id AS line,
           sum(CASE WHEN released THEN 0 ELSE amount - posted END)::text AS committed,
           sum(posted)::text AS disbursed
    FROM ${commitments} WHERE hub_id = ${hubId} AND fiscal_year_id = ${year.id} GROUP BY 1`);
  return new Map(rows.map((r) => [r.line, { committed: BigInt(r.committed), disbursed: BigInt(r.disbursed) }]));
}

/** An account's four totals as they stood at `asOf`, recomputed from the transfers. */
export async function getAccountBalance(db: Db | Tx, { actor, hub }: BudgetScope, accountId: string, asOf: Date) {
  budgetPolicy.authorize(actor, 'read', null);
  const [account] = await db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.id, accountId)));
  if (!account) throw notFound();
  const { rows } = await db.execute<{ side: 'debit' | 'credit'; pending: string; posted: string }>(sql`
    SELECT side,
      (sum(CASE WHEN kind = 'pending' THEN amount ELSE 0 END)
       - sum(CASE WHEN kind IN ('post_pending','void_pending') THEN amount ELSE 0 END))::text AS pending,
      sum(CASE WHEN kind IN ('posted','post_pending') THEN amount ELSE 0 END)::text AS posted
    FROM (
      SELECT 'debit' AS side, kind, amount FROM ledger_transfers WHERE hub_id = ${hub.id} AND debit_account_id = ${accountId} AND created_at <= ${asOf.toISOString()}
      UNION ALL
      SELECT 'credit', kind, amount FROM ledger_transfers WHERE hub_id = ${hub.id} AND credit_account_id = ${accountId} AND created_at <= ${asOf.toISOString()}
    ) t GROUP BY side`);
  const side = (s: 'debit' | 'credit') => rows.find((r) => r.side === s) ?? { pending: '0', posted: '0' };
  return {
    account: { id: account.id, code: account.code },
    asOf: asOf.toISOString(),
    debitsPending: side('debit').pending,
    debitsPosted: side('debit').posted,
    creditsPending: side('credit').pending,
    creditsPosted: side('credit').posted,
  };
}

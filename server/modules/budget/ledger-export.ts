import type { Writable } from 'node:stream';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../contracts/error-messages.js';
import type { Db, Tx } from '../../db/connection.js';
import type { Actor } from '../../platform/policies.js';
import type { AccountRow, YearRow } from './accounts.js';
import { findYear } from './accounts.js';
import { budgetPolicy } from './budget.policies.js';
import type { BudgetScope } from './budget.service.js';
import { ledgerTransfers } from './budget.tables.js';
import type { TransferRow } from './ledger.js';
import { yearAccounts } from './ledger-queries.js';

const BATCH = 2_000;
const FEN_FORMAT = '#,##0';
const YUAN_FORMAT = '#,##0.00';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Headers = { transfers: readonly string[]; accounts: readonly string[] };

// Column titles per language; the sheet names stay fixed so scripts can find them.
const headers: Record<Locale, Headers> = {
  'en-US': {
    transfers: [
      'Created at (UTC)',
      'Id',
      'Kind',
      'Reason',
      'Debit account',
      'Credit account',
      'Amount (fen)',
      'Amount (yuan)',
      'Pending id',
      'Cause type',
      'Cause id',
      'Note',
    ],
    accounts: [
      'Code',
      'Kind',
      'Name (zh)',
      'Name (en)',
      'Debits pending (fen)',
      'Debits posted (fen)',
      'Credits pending (fen)',
      'Credits posted (fen)',
      'Available (fen)',
      'Available (yuan)',
    ],
  },
  'zh-CN': {
    transfers: ['创建时间（UTC）', '编号', '类型', '事由', '借方账户', '贷方账户', '金额（分）', '金额（元）', '预留编号', '来源类型', '来源编号', '备注'],
    accounts: ['代码', '类型', '中文名称', '英文名称', '借方待定（分）', '借方已过账（分）', '贷方待定（分）', '贷方已过账（分）', '可用（分）', '可用（元）'],
  },
};

/** Throws (404/403) unless the actor may read the ledger; the route calls it before any header goes out. */
export function authorizeLedgerExport(actor: Actor): void {
  budgetPolicy.authorize(actor, 'read', null);
}

/** The year to export, or 404; checked before streaming so a missing year is a clean error. */
export async function findExportYear(db: Db, { hub, actor }: BudgetScope, yearNumber: number): Promise<YearRow> {
  authorizeLedgerExport(actor);
  return findYear(db, hub.id, yearNumber);
}

/**
 * Writes a year's ledger to `out` as an XLSX workbook: every transfer (oldest first, read
 * in keyset batches) and every account with its four totals. One repeatable-read,
 * read-only snapshot, so the account totals are exactly the sum of the transfers listed.
 */
export async function exportLedger(
  db: Db,
  { hub, actor }: BudgetScope,
  yearNumber: number,
  out: Writable,
  locale: Locale = 'en-US',
): Promise<{ transfers: number; accounts: number }> {
  authorizeLedgerExport(actor);
  return db.transaction(
    async (tx) => {
      const year = await findYear(tx, hub.id, yearNumber);
      const accounts = await yearAccounts(tx, hub.id, year);
      const codes = new Map(accounts.map((a) => [a.id, a.code]));
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
      workbook.creator = 'Dragon Gate';

      const transfers = workbook.addWorksheet('transfers');
      transfers.columns = headers[locale].transfers.map((header, i) => ({ header, width: [26, 38, 14, 18, 20, 20, 18, 20, 38, 16, 38, 30][i] }));
      transfers.getRow(1).font = { bold: true };
      let count = 0;
      for await (const row of transferBatches(tx, hub.id, year)) {
        if (out.destroyed) throw new Error('ledger export aborted: the output closed');
        const added = transfers.addRow(transferCells(row, codes));
        added.getCell(7).numFmt = FEN_FORMAT;
        added.getCell(8).numFmt = YUAN_FORMAT;
        added.commit();
        count++;
      }
      transfers.commit();

      const sheet = workbook.addWorksheet('accounts');
      sheet.columns = headers[locale].accounts.map((header, i) => ({ header, width: i < 4 ? 22 : 20 }));
      sheet.getRow(1).font = { bold: true };
      for (const account of accounts) {
        const added = sheet.addRow(accountCells(account));
        for (let cell = 5; cell <= 9; cell++) added.getCell(cell).numFmt = FEN_FORMAT;
        added.getCell(10).numFmt = YUAN_FORMAT;
        added.commit();
      }
      sheet.commit();
      await workbook.commit();
      return { transfers: count, accounts: accounts.length };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * All transfers of the year, oldest first, BATCH rows per query: keyset paging on
 * (created_at, id), no OFFSET. Ids are the callers' (not always time-ordered UUIDv7), so
 * time leads; the cursor keeps created_at as PostgreSQL text, because a JS Date would
 * drop its microseconds and skip or repeat rows.
 */
async function* transferBatches(tx: Tx, hubId: string, year: YearRow): AsyncGenerator<TransferRow> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const where: SQL[] = [eq(ledgerTransfers.hubId, hubId), eq(ledgerTransfers.fiscalYearId, year.id)];
    if (after) where.push(sql`(${ledgerTransfers.createdAt}, ${ledgerTransfers.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`);
    const rows = await tx
      .select({ row: ledgerTransfers, at: sql<string>`${ledgerTransfers.createdAt}::text` })
      .from(ledgerTransfers)
      .where(and(...where))
      .orderBy(asc(ledgerTransfers.createdAt), asc(ledgerTransfers.id))
      .limit(BATCH);
    for (const r of rows) yield r.row;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.row.id };
  }
}

function transferCells(t: TransferRow, codes: Map<string, string>) {
  return [
    t.createdAt.toISOString(),
    t.id,
    t.kind,
    t.reason,
    codes.get(t.debitAccountId) ?? t.debitAccountId,
    codes.get(t.creditAccountId) ?? t.creditAccountId,
    fenCell(t.amount),
    yuanCell(t.amount),
    t.pendingId,
    t.causeType,
    t.causeId,
    t.note,
  ];
}

function accountCells(a: AccountRow) {
  const available = a.creditsPosted - a.debitsPosted - a.debitsPending;
  return [
    a.code,
    a.kind,
    a.nameZh,
    a.nameEn,
    fenCell(a.debitsPending),
    fenCell(a.debitsPosted),
    fenCell(a.creditsPending),
    fenCell(a.creditsPosted),
    fenCell(available),
    yuanCell(available),
  ];
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const fits = (fen: bigint) => fen <= SAFE && fen >= -SAFE;

/** Fen as a spreadsheet number when a double holds it exactly; otherwise as text, never rounded. */
export function fenCell(fen: bigint): number | string {
  return fits(fen) ? Number(fen) : fen.toString();
}

/** "12345" fen -> "123.45": decimal string math; the cell number is the nearest double to it, as if typed. */
export function yuanText(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const digits = (fen < 0n ? -fen : fen).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function yuanCell(fen: bigint): number | string {
  return fits(fen) ? Number(yuanText(fen)) : yuanText(fen);
}

/** The download's file name: hub and year, ASCII only. */
export function ledgerFileName(hubSlug: string, year: number): string {
  return `${hubSlug}-ledger-${year}.xlsx`;
}

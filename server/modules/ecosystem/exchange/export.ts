import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import type { ExchangeFormat, ExchangeTable, TableCounts } from '../../../../contracts/ecosystem-exchange.js';
import type { Db, Tx } from '../../../db/connection.js';
import type { Actor } from '../../../platform/policies.js';
import { organizationFacts } from '../facts.tables.js';
import type { Scope } from '../organizations.service.js';
import { organizations } from '../organizations.tables.js';
import { people } from '../people.tables.js';
import { relations } from '../relations.tables.js';
import { columns, combinedColumns, LIST_SEPARATOR } from './columns.js';
import { csvLine } from './csv.js';
import { exchangePolicy } from './exchange.policies.js';

const BATCH = 5_000;
type Cell = string | number | null;
type OutRow = { table: ExchangeTable; cells: Record<string, Cell> };

/** Throws (404/403) unless the actor may export; routes call it before sending headers. */
export function authorizeExport(actor: Actor): void {
  exchangePolicy.authorize(actor, 'export', null);
}

/**
 * Writes the hub's ecosystem to `out` in the import format (docs/ecosystem-files.md),
 * from one repeatable-read snapshot, so every ref a relation names is in the file. Rows
 * are read in batches and written as they come; memory holds id -> ref maps only.
 * Resident identity numbers are never exported.
 */
export async function exportEcosystem(
  db: Db,
  { hub, actor }: Scope,
  format: ExchangeFormat,
  out: Writable,
  onProgress?: (rows: number) => void,
): Promise<TableCounts> {
  authorizeExport(actor);
  return db.transaction(
    (tx) => (format === 'csv' ? writeCsv(counted(rowsOf(tx, hub.id), onProgress), out) : writeXlsx(counted(rowsOf(tx, hub.id), onProgress), out)),
    {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    },
  );
}

async function writeCsv(rows: AsyncGenerator<OutRow>, out: Writable): Promise<TableCounts> {
  const counts: TableCounts = { organizations: 0, people: 0, relations: 0, facts: 0 };
  let chunk = csvLine(combinedColumns);
  for await (const row of rows) {
    counts[row.table]++;
    // Text is formula-guarded (csvLine); amounts and quantities, plain decimals even when negative, stay numbers.
    chunk += csvLine(combinedColumns.map((c) => (c === 'table' ? row.table : row.cells[c])));
    if (chunk.length > 64_000) {
      await write(out, chunk);
      chunk = '';
    }
  }
  out.end(chunk);
  return counts;
}

async function writeXlsx(rows: AsyncGenerator<OutRow>, out: Writable): Promise<TableCounts> {
  const counts: TableCounts = { organizations: 0, people: 0, relations: 0, facts: 0 };
  // Inline strings and no styles: shared strings would keep every distinct value in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let current: ExchangeTable | null = null;
  const open = (table: ExchangeTable) => {
    sheet?.commit();
    sheet = workbook.addWorksheet(table);
    sheet.addRow([...columns[table]]).commit();
    current = table;
  };
  for await (const row of rows) {
    if (out.destroyed) throw new Error('export aborted: the output closed');
    if (row.table !== current) open(row.table);
    counts[row.table]++;
    sheet!.addRow(columns[row.table].map((c) => row.cells[c] ?? null)).commit();
  }
  // Every sheet is present, even an empty one, so the file documents its own shape.
  for (const table of ['organizations', 'people', 'relations', 'facts'] as const) if (counts[table] === 0 && current !== table) open(table);
  (sheet as ExcelJS.Worksheet | null)?.commit();
  await workbook.commit();
  return counts;
}

/** Every row of the hub in import order: organisations, people, relations, facts. */
async function* rowsOf(tx: Tx, hubId: string): AsyncGenerator<OutRow> {
  const orgRefs = new Map<string, string>();
  const personRefs = new Map<string, string>();
  for await (const o of pages(tx, organizations, organizations.hubId, organizations.id, hubId)) {
    const ref = `org-${orgRefs.size + 1}`;
    orgRefs.set(o.id, ref);
    yield {
      table: 'organizations',
      cells: {
        ref,
        kind: o.kind,
        name_zh: o.nameZh,
        name_en: o.nameEn,
        uscc: o.uscc,
        founded_on: o.foundedOn,
        sectors: o.sectors.join(LIST_SEPARATOR),
        headcount: o.headcount,
        website: o.website,
        district: o.district,
      },
    };
  }
  for await (const p of pages(tx, people, people.hubId, people.id, hubId)) {
    const ref = `person-${personRefs.size + 1}`;
    personRefs.set(p.id, ref);
    yield {
      table: 'people',
      cells: { ref, name_zh: p.nameZh, name_en: p.nameEn, roles: p.roles.join(LIST_SEPARATOR), born_on: p.bornOn, talent_tier: p.talentTier },
    };
  }
  for await (const r of pages(tx, relations, relations.hubId, relations.id, hubId)) {
    yield {
      table: 'relations',
      cells: {
        kind: r.kind,
        from_ref: r.fromPersonId ? personRefs.get(r.fromPersonId)! : orgRefs.get(r.fromOrganizationId!)!,
        to_ref: orgRefs.get(r.toOrganizationId)!,
        starts_on: r.startsOn,
        ends_on: r.endsOn,
        title: r.title,
        degree: r.degree,
        round: r.round,
        amount_minor: r.amountMinor?.toString() ?? null,
        currency: r.currency,
        source_url: r.sourceUrl,
        source_note: r.sourceNote,
      },
    };
  }
  for await (const f of pages(tx, organizationFacts, organizationFacts.hubId, organizationFacts.id, hubId)) {
    yield {
      table: 'facts',
      cells: {
        org_ref: orgRefs.get(f.organizationId)!,
        metric: f.metric,
        as_of: f.asOf,
        amount_minor: f.amountMinor?.toString() ?? null,
        currency: f.currency,
        quantity: f.quantity,
        label: f.label,
        source_url: f.sourceUrl,
        source_note: f.sourceNote,
      },
    };
  }
}

/** Keyset pages by id: each page is an index range scan, however deep into the table. */
async function* pages<T extends PgTable>(tx: Tx, table: T, hubCol: PgColumn, idCol: PgColumn, hubId: string): AsyncGenerator<T['$inferSelect']> {
  let after: string | null = null;
  for (;;) {
    const where: SQL = after ? and(eq(hubCol, hubId), gt(idCol, after))! : eq(hubCol, hubId);
    const rows = (await tx
      .select()
      .from(table as PgTable)
      .where(where)
      .orderBy(asc(idCol))
      .limit(BATCH)) as T['$inferSelect'][];
    yield* rows;
    if (rows.length < BATCH) return;
    after = (rows[rows.length - 1] as { id: string }).id;
  }
}

async function* counted(rows: AsyncGenerator<OutRow>, onProgress?: (rows: number) => void): AsyncGenerator<OutRow> {
  let n = 0;
  for await (const row of rows) {
    yield row;
    if (++n % BATCH === 0) onProgress?.(n);
  }
  onProgress?.(n);
}

/** Rows of a hub, table by table, for a progress bar's total. */
export async function countEcosystem(db: Db, hubId: string): Promise<number> {
  let total = 0;
  for (const table of [organizations, people, relations, organizationFacts]) total += await db.$count(table, eq(table.hubId, hubId));
  return total;
}

/** Writes, waiting while the reader is behind; a reader gone away (client hung up) ends the export. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('export aborted: the output closed');
  if (out.write(chunk)) return;
  // Whichever comes first; the other listener is removed, or every wait would leave one behind.
  const done = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
  if (out.destroyed) throw new Error('export aborted: the output closed');
}

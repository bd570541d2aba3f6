import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { exchangeTables, type ExchangeFormat, type ExchangeTable } from '../../../../contracts/ecosystem-exchange.js';
import type { FieldErrorCode } from '../../../../contracts/errors.js';
import { columns, combinedColumns, type SourceRow } from './columns.js';
import { parseCsv } from './csv.js';
import { csvUnguard } from '../../../platform/csv.js';
import { AppError } from '../../../platform/errors.js';

/**
 * Where an import reads from. `open` is called once per pass, so it must start afresh
 * each time. An upload already in memory also passes `buffer`: a workbook is then read
 * whole (exceljs's streaming zip reader can drop the last entries of an in-memory file;
 * its non-streaming loader does not). Files from disk stream, so memory stays flat.
 */
export type ImportSource = { format: ExchangeFormat; open: () => Readable; buffer?: Buffer };

/** A problem with the file's shape rather than one row (an unknown sheet or column). */
export type ShapeProblem = { problem: true; sheet: string; line: number; column?: number; field: string; code: FieldErrorCode };
export type ReadItem = SourceRow | ShapeProblem;

const isTable = (name: string): name is ExchangeTable => (exchangeTables as readonly string[]).includes(name);

/** Rows of the file in file order, one at a time: nothing is held but the current row. */
export function readSource(source: ImportSource): AsyncGenerator<ReadItem> {
  if (source.format === 'csv') return readCsv(source.open());
  return notAWorkbookIsBadInput(source.buffer ? readXlsxBuffer(source.buffer) : readXlsx(Readable.from(trickle(source.open()))));
}

/** A file that is not a workbook at all (not a zip, no sheets) is the caller's mistake: a 400 on the body. */
async function* notAWorkbookIsBadInput(rows: AsyncGenerator<ReadItem>): AsyncGenerator<ReadItem> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body', code: 'INVALID_FORMAT', detail: error instanceof Error ? error.message.split('\n')[0] : 'not an XLSX workbook' },
    ]);
  }
}

/**
 * The input in pieces of 4 KiB, one event-loop turn apart. exceljs 4.4's streaming reader
 * (unzipper + its iterateStream) loses the last small zip entries when they arrive in the
 * same chunk as the end of the stream: a whole small workbook in one Buffer came back with
 * no sheet names (workbook.xml lost) or no rows. Small, spaced chunks avoid that race.
 */
async function* trickle(input: AsyncIterable<Buffer>, size = 4_096): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    for (let at = 0; at < chunk.length; at += size) {
      yield chunk.subarray(at, at + size);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** One CSV with a `table` column (docs/ecosystem-files.md). */
async function* readCsv(stream: Readable): AsyncGenerator<ReadItem> {
  let header: string[] | null = null;
  for await (const record of parseCsv(stream)) {
    if (record.problem) {
      // Bad quoting: the record cannot be read; name the column where it broke.
      const { column } = record.problem;
      yield { problem: true, sheet: 'csv', line: record.line, column, field: header?.[column - 1] ?? `column ${column}`, code: 'INVALID_FORMAT' };
      continue;
    }
    if (!header) {
      header = record.fields.map((f) => f.trim().toLowerCase());
      for (const name of header)
        if (!combinedColumns.includes(name)) yield { problem: true, sheet: 'csv', line: record.line, field: name, code: 'UNKNOWN_FIELD' };
      if (!header.includes('table')) yield { problem: true, sheet: 'csv', line: record.line, field: 'table', code: 'REQUIRED' };
      continue;
    }
    if (record.fields.every((f) => f.trim() === '')) continue;
    const cells: Record<string, string> = {};
    // Our CSV export puts a `'` before text a spreadsheet would run as a formula (`=SUM(1)` is
    // written `'=SUM(1)`); one `'` before `=`, `+`, `-`, `@`, tab or CR is taken off again, so
    // export then import gives back the names as they were. Workbooks are not guarded: no `'`.
    header.forEach((name, i) => (cells[name] = csvUnguard(record.fields[i] ?? '')));
    const table = cells.table?.trim() ?? '';
    if (!isTable(table)) {
      yield { problem: true, sheet: table || 'csv', line: record.line, field: 'table', code: table ? 'INVALID_OPTION' : 'REQUIRED' };
      continue;
    }
    yield { table, line: record.line, cells };
  }
}

/** A workbook with one sheet per table, read with exceljs's streaming reader. */
async function* readXlsx(stream: Readable): AsyncGenerator<ReadItem> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  // When exceljs has missed workbook.xml (see trickle) it would throw reading `model.sheets`;
  // an empty model leaves the sheets unnamed instead, and their headers name them.
  (reader as unknown as { model: { sheets: unknown[] } }).model = { sheets: [] };
  for await (const sheet of reader) {
    const { name, id } = sheet as unknown as { name: string; id: number | string };
    yield* sheetRows(name, id, sheet as AsyncIterable<ExcelJS.Row>);
  }
}

/** A workbook already in memory, loaded whole. */
async function* readXlsxBuffer(buffer: Buffer): AsyncGenerator<ReadItem> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
    yield* sheetRows(sheet.name, sheet.id, rows);
  }
}

/** The rows of one sheet: the header names the table (or the sheet does) and the columns. */
async function* sheetRows(sheetName: string, id: number | string, rows: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>): AsyncGenerator<ReadItem> {
  const name = sheetName.trim();
  // exceljs names a sheet "Sheet<n>" until it has read the workbook's sheet list, which a
  // streamed workbook (ours included) may store after the sheets: then the header decides.
  const placeholder = name === `Sheet${id}`;
  let table: ExchangeTable | null = isTable(name.toLowerCase()) ? (name.toLowerCase() as ExchangeTable) : null;
  let header: string[] | null = null;
  for await (const row of rows) {
    const values = (row.values as unknown[]).slice(1).map(text);
    if (values.every((v) => v.trim() === '')) continue;
    if (!header) {
      header = values.map((v) => v.trim().toLowerCase());
      table ??= placeholder ? tableOfHeader(header) : null;
      if (!table) {
        yield { problem: true, sheet: name, line: row.number, field: 'sheet', code: 'INVALID_OPTION' };
        return;
      }
      for (const col of header)
        if (col && !columns[table].includes(col)) yield { problem: true, sheet: table, line: row.number, field: col, code: 'UNKNOWN_FIELD' };
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((col, i) => col && (cells[col] = values[i] ?? ''));
    yield { table: table!, line: row.number, cells };
  }
}

/** The one table whose columns hold the whole header (with a column only it has), if any. */
export function tableOfHeader(header: string[]): ExchangeTable | null {
  const named = header.filter(Boolean);
  const fits = exchangeTables.filter((t) => named.every((c) => columns[t].includes(c)));
  return fits.length === 1 ? fits[0]! : null;
}

/** A cell as text, whatever Excel made of it (numbers, dates, rich text, links, formulas). */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return text(v.text);
    if (v.result !== undefined) return text(v.result);
  }
  return '';
}

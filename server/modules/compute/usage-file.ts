import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { COMPUTE_LIMITS, usageFileColumns, usageRecordInputSchema, type UsageFileFormat, type UsageRecordInput } from '../../../contracts/compute.js';
import { fieldCodeOf } from '../../../contracts/field-codes.js';
import type { FieldProblem } from '../../platform/errors.js';

/**
 * A provider's usage file (CSV or the first sheet of an XLSX workbook): a header row naming
 * the columns of a usage record (`usageFileColumns`, as in the JSON API), then one record a
 * row. Pure of I/O. Every problem names its file line and column
 * (`rows.<line>.<column>`, the detail says `line 3, column G`), so a provider fixes the
 * file in one go; the caller writes nothing unless there are none.
 * CSV is read strictly (csv-parse): UTF-8 only, quotes closed, the same number of fields
 * on every row.
 */
export type UsageFileRow = { line: number; record: UsageRecordInput };
export type UsageFile = { rows: UsageFileRow[]; header: string[]; problems: FieldProblem[] };

export type Line = { line: number; cells: string[] };

const letter = (index: number): string => (index >= 26 ? letter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));
export const at = (line: number, column: string, index: number | null): Pick<FieldProblem, 'path' | 'detail'> => ({
  path: `rows.${line}.${column}`,
  detail: index === null ? `line ${line}` : `line ${line}, column ${letter(index)}`,
});

export async function readUsageFile(format: UsageFileFormat, body: Buffer): Promise<UsageFile> {
  const read = format === 'csv' ? csvLines(body) : await xlsxLines(body);
  if ('problem' in read) return { rows: [], header: [], problems: [read.problem] };
  return recordsOf(read.lines);
}

function csvLines(body: Buffer): { lines: Line[] } | { problem: FieldProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { problem: { path: 'body', code: 'INVALID_FORMAT', detail: 'not UTF-8 text' } };
  }
  const plain = plainLines(text);
  return plain ? { lines: plain } : parsedLines(text);
}

/** Any CSV text through csv-parse, strictly: a broken file's problem names its line. */
export function parsedLines(text: string): { lines: Line[] } | { problem: FieldProblem } {
  // Where the last good record ended: a quote never closed broke the record after it.
  let lastEnd = 0;
  try {
    const records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
      relax_column_count: false,
      on_record: (record, context) => ((lastEnd = context.lines), record),
    }) as unknown as {
      record: string[];
      info: { lines: number; records: number };
    }[];
    // info.lines is where the record ends; line breaks inside its quoted fields go back to its start.
    return {
      lines: records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, f) => n + (f.match(/\r\n|\n|\r/g)?.length ?? 0), 0), cells: record })),
    };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines, column } = error as CsvError & { lines?: number; column?: number | string };
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastEnd + 1 : (lines ?? 1);
    return { problem: { code: 'INVALID_FORMAT', ...at(line, 'row', typeof column === 'number' ? column : null) } };
  }
}

/**
 * The common file read without the CSV parser's bookkeeping: no quote anywhere, one kind
 * of line break, every row as many cells as the first. Such text means exactly what
 * csv-parse reads from it (a cell cannot hold a comma or a line break without quotes);
 * anything else (and every broken file, for its error) goes through csv-parse.
 */
export function plainLines(text: string): Line[] | null {
  if (text.includes('"')) return null;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const crs = body.split('\r').length - 1;
  const lfs = body.split('\n').length - 1;
  const crlfs = body.split('\r\n').length - 1;
  if (crs !== 0 && !(crs === crlfs && lfs === crlfs)) return null;
  const lines: Line[] = [];
  let width = -1;
  const rows = body.split(crs ? '\r\n' : '\n');
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] === '') continue;
    const cells = rows[i]!.split(',');
    if (width === -1) width = cells.length;
    else if (cells.length !== width) return null;
    lines.push({ line: i + 1, cells });
  }
  return lines;
}

async function xlsxLines(body: Buffer): Promise<{ lines: Line[] } | { problem: FieldProblem }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    return { problem: { path: 'body', code: 'INVALID_FORMAT', detail: 'not an XLSX workbook' } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: { path: 'body', code: 'INVALID_FORMAT', detail: 'the workbook has no sheet' } };
  const lines: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => lines.push({ line: row.number, cells: (row.values as unknown[]).slice(1).map(cellText) }));
  return { lines };
}

function recordsOf(lines: Line[]): UsageFile {
  const problems: FieldProblem[] = [];
  const [head, ...body] = lines.filter((l) => l.cells.some((c) => c.trim() !== ''));
  if (!head) return { rows: [], header: [], problems: [{ path: 'body', code: 'REQUIRED', detail: 'no header row' }] };
  if (body.length > COMPUTE_LIMITS.usageFileRows)
    return { rows: [], header: [], problems: [{ path: 'body', code: 'TOO_BIG', detail: `at most ${COMPUTE_LIMITS.usageFileRows} rows` }] };
  const header = head.cells.map((c) => c.trim());
  header.forEach((name, i) => {
    if (name && !(usageFileColumns as readonly string[]).includes(name)) problems.push({ code: 'UNKNOWN_FIELD', ...at(head.line, name, i) });
  });
  for (const column of usageFileColumns)
    if (column !== 'corrects' && !header.includes(column)) problems.push({ code: 'REQUIRED', ...at(head.line, column, null) });
  if (problems.length) return { rows: [], header, problems };
  const rows: UsageFileRow[] = [];
  for (const { line, cells } of body) {
    const raw: Record<string, string | null> = {};
    header.forEach((name, i) => {
      if (name) raw[name] = (cells[i] ?? '').trim();
    });
    if (!raw.corrects) raw.corrects = null;
    const parsed = usageRecordInputSchema.safeParse(raw);
    if (parsed.success) rows.push({ line, record: parsed.data });
    else
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? 'row');
        const value = raw[column];
        problems.push({
          code: fieldCodeOf(issue as Parameters<typeof fieldCodeOf>[0], value === undefined || value === ''),
          ...at(line, column, header.indexOf(column) >= 0 ? header.indexOf(column) : null),
        });
      }
  }
  return { rows, header, problems };
}

/** A cell as text, whatever Excel made of it (numbers, dates, rich text, formulas). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { csvLine as sharedCsvLine, type CsvValue } from '../../../platform/csv.js';

/**
 * RFC 4180 CSV through csv-parse, streamed: records come out as the bytes come in, so a file
 * of any size is read in constant memory. Quoted fields may hold commas, quotes ("") and line
 * breaks; lines end in CRLF or LF; a UTF-8 byte order mark (Excel writes one) is dropped; blank
 * lines are skipped. Quotes are strict: a quote inside an unquoted field (`ab"c`), text after
 * a closing quote, or a quote never closed is a problem at its line and column (1-based field
 * position), and reading goes on with the next record.
 */
export type CsvRecord = { line: number; fields: string[]; problem?: undefined } | { line: number; fields: []; problem: { column: number; code: string } };

export async function* parseCsv(input: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord> {
  const problems: CsvRecord[] = [];
  // csv-parse counts a CRLF inside a quoted field as two lines; we count it as one.
  let crlfInFields = 0;
  const seen = new Set<number>();
  const parser = Readable.from(input).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return undefined;
        const { lines, column } = error as CsvError & { lines?: number; column?: number | string };
        const line = (lines ?? 0) - crlfInFields;
        // One problem per record: csv-parse may report each broken field of it.
        if (!seen.has(line)) problems.push({ line, fields: [], problem: { column: typeof column === 'number' ? column + 1 : 1, code: error.code } });
        seen.add(line);
        return undefined;
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // on_skip can run before records read earlier reach us: keep file order.
    const count = (pattern: RegExp) => record.reduce((n, field) => n + (field.match(pattern)?.length ?? 0), 0);
    const line = info.lines - crlfInFields - count(/\r\n/g) - count(/\r\n|\n|\r/g);
    yield* problems.filter((p) => p.line < line);
    problems.splice(0, problems.length, ...problems.filter((p) => p.line >= line));
    // info.lines is where the record ends; line breaks inside its fields go back to its start.
    crlfInFields += count(/\r\n/g);
    yield { line, fields: record };
  }
  yield* problems.sort((a, b) => a.line - b.line);
}

/**
 * One CSV line (with its CRLF): fields quoted only when they need it, and text a spreadsheet
 * would run as a formula guarded with a leading `'` (server/platform/csv.ts); the importer
 * takes that `'` off again (`csvUnguard` in import-reader.ts).
 */
export function csvLine(values: readonly CsvValue[]): string {
  return sharedCsvLine(values);
}

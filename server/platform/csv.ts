/**
 * The server's one CSV cell writer (and the reader's counterpart of its formula guard).
 *
 * Quoting is RFC 4180: a cell is quoted when it holds a comma, a quote, CR or LF (or always,
 * with `quote: 'always'`), and quotes inside are doubled.
 *
 * Formula guard: a spreadsheet (Excel, WPS, LibreOffice) runs a CSV cell that starts with
 * `=`, `+`, `-`, `@`, tab or CR as a formula, so text a person typed (an organisation named
 * `=HYPERLINK(...)` or `+cmd|/C calc!A0`) could run on an officer's machine. Such text gets a
 * leading `'`, which makes it plain text. Text that already starts with `'`s followed by one of
 * those characters gets one more `'` too, so `csvUnguard` can always take exactly one off and
 * a round trip (export, then import) gives back every string unchanged.
 *
 * Not guarded: numbers and bigints (a negative amount stays a number), and text that is a plain
 * negative decimal (`-1234.50`): a spreadsheet reads that as a number constant, never a formula.
 */
export type CsvValue = string | number | bigint | null | undefined;
export type CsvOptions = { quote?: 'needed' | 'always' };

const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
const NEGATIVE_DECIMAL = /^-\d+(\.\d+)?$/;

/** Text as it is written to a cell: with the formula guard's `'` when it needs one. */
export function guardFormula(text: string): string {
  return FORMULA.test(text) && !NEGATIVE_DECIMAL.test(text) ? `'${text}` : text;
}

/**
 * A cell read back from a CSV we may have written: one leading `'` is taken off when the
 * `'`s are followed by `=`, `+`, `-`, `@`, tab or CR, since `guardFormula` added it.
 * (A hand-made file with a typed `'=x` so reads as `=x`; one we wrote round-trips exactly.)
 */
export function csvUnguard(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/** One CSV cell: null and undefined are empty; text is formula-guarded, then quoted as needed. */
export function csvCell(value: CsvValue, { quote = 'needed' }: CsvOptions = {}): string {
  if (value === null || value === undefined) return quote === 'always' ? '""' : '';
  const text = typeof value === 'string' ? guardFormula(value) : String(value);
  return quote === 'always' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, its CRLF included. */
export function csvLine(values: readonly CsvValue[], options?: CsvOptions): string {
  return values.map((v) => csvCell(v, options)).join(',') + '\r\n';
}

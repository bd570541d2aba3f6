/**
 * RFC 4180 CSV, streamed: records come out as the bytes come in, so a file of any size
 * is read in constant memory. Quoted fields may hold commas, quotes ("") and line breaks;
 * lines end in CRLF or LF; a UTF-8 byte order mark (Excel writes one) is dropped.
 */
export type CsvRecord = { line: number; fields: string[] };

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export async function* parseCsv(input: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8');
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // a quote just closed, or an escaped quote is pending
  let line = 1; // physical line we are on
  let recordLine = 1; // where the current record started
  let sawAny = false; // the current record has any character (so a blank last line is no record)
  let first = true;
  let lastCr = false; // a CR ended the last record; an LF right after (maybe in the next chunk) belongs to it

  const endRecord = (): CsvRecord => {
    fields.push(field);
    const record = { line: recordLine, fields };
    fields = [];
    field = '';
    sawAny = false;
    return record;
  };

  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length) first = false;
    let start = 0; // start of the pending plain run, copied in one slice (fast path)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (lastCr) {
        lastCr = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (c === QUOTE) {
          field += text.slice(start, i);
          quoted = false;
          afterQuote = true;
          start = i + 1;
        } else if (c === LF) line++;
        continue;
      }
      if (afterQuote) {
        afterQuote = false;
        if (c === QUOTE) {
          // "" inside quotes: a literal quote, and we are back inside the quotes.
          field += '"';
          quoted = true;
          start = i + 1;
          continue;
        }
      }
      if (c === COMMA) {
        fields.push(field + text.slice(start, i));
        field = '';
        sawAny = true;
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += text.slice(start, i);
        lastCr = c === CR;
        if (sawAny || field.length || fields.length) yield endRecord();
        else field = '';
        line++;
        recordLine = line;
        start = i + 1;
      } else if (c === QUOTE) {
        field += text.slice(start, i);
        quoted = true;
        sawAny = true;
        start = i + 1;
      } else {
        sawAny = true;
      }
    }
    field += text.slice(start);
  }
  field += decoder.decode();
  if (sawAny || field.length || fields.length) yield endRecord();
}

/** One CSV line (with its CRLF): fields quoted only when they need it. */
export function csvLine(values: readonly (string | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

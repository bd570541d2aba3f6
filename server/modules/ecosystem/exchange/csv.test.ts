import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvUnguard } from '../../../platform/csv.js';
import { csvLine, parseCsv } from './csv.js';

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}

async function parse(text: string, size = 1 << 16) {
  const out = [];
  for await (const r of parseCsv(chunks(text, size))) out.push(r);
  return out;
}

describe('CSV (RFC 4180, streamed)', () => {
  it('reads quotes, escaped quotes, commas and line breaks in fields, CRLF or LF, a BOM, and numbers lines', async () => {
    const text = '\uFEFFa,b,c\r\n1,"x,y","he said ""hi""\r\nnext"\r\n\n3,4,5';
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(await parse(text, size)).toEqual([
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['1', 'x,y', 'he said "hi"\r\nnext'] },
        { line: 5, fields: ['3', '4', '5'] },
      ]);
    }
  });

  it('keeps multi-byte characters split across chunks', async () => {
    expect(await parse('名称,杭州\n', 1)).toEqual([{ line: 1, fields: ['名称', '杭州'] }]);
  });

  it('reads back whatever csvLine writes (formula guard taken off), in any chunking', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '杭', ',', '"', '\n', '\r', ' ', '1', '=', '+', '-', '@', '\t', "'", '.') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        async (rows, size) => {
          const text = rows.map((r) => csvLine(r)).join('');
          expect((await parse(text, size)).map((r) => r.fields.map(csvUnguard))).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is strict on quotes: a quote inside an unquoted field (ab"c,d") and a quote never closed are problems at their line and column', async () => {
    const text = 'a,b,c\r\nab"c,d"\r\n4,5,6\r\n7,"open\r\n';
    for (const size of [1, 5, 1000]) {
      expect(await parse(text, size)).toEqual([
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: [], problem: { column: 1, code: 'INVALID_OPENING_QUOTE' } },
        { line: 3, fields: ['4', '5', '6'] },
        // A quote never closed is found where the file ends (line 5, after the last line break).
        { line: 5, fields: [], problem: { column: 2, code: 'CSV_QUOTE_NOT_CLOSED' } },
      ]);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedLines, plainLines } from './usage-file.js';

// Cells without quotes, commas or line breaks (anything else, NUL and emoji included).
const cell = fc
  .string({
    unit: fc.oneof(fc.constantFrom('a', 'Z', '7', ' ', '.', '-', ':', '\t', '\u0000', '甲', '😀'), fc.string({ minLength: 1, maxLength: 1 })),
    maxLength: 6,
  })
  .map((s) => s.replace(/["\r\n,]/g, ''));

describe('a plain CSV file (no quotes, one kind of line break) read without csv-parse', () => {
  it('means exactly what csv-parse reads: the same cells on the same lines', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) => fc.array(fc.oneof(fc.constant(null), fc.array(cell, { minLength: width, maxLength: width })), { minLength: 1, maxLength: 12 })),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (rows, newline, bom, trailing) => {
          // null: an empty line, which both skip (numbering goes on).
          const text = (bom ? '\uFEFF' : '') + rows.map((r) => (r === null ? '' : r.join(','))).join(newline) + (trailing ? newline : '');
          const plain = plainLines(text);
          const parsed = parsedLines(text);
          expect(plain).not.toBeNull();
          expect('lines' in parsed ? parsed.lines : parsed).toEqual(plain);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves quotes, mixed or lone CR line breaks and uneven rows to csv-parse', () => {
    expect(plainLines('a,b\n"c",d\n')).toBeNull();
    expect(plainLines('a,b\r\nc,d\ne,f\n')).toBeNull();
    expect(plainLines('a,b\rc,d\r')).toBeNull();
    expect(plainLines('a,b\nc\n')).toBeNull();
    expect(plainLines('a,b\r\nc,d\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });
});

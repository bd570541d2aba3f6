import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidResidentId, maskResidentId, normalizeResidentId, residentIdCheckCharacter } from './resident-id.js';

// GB 11643-1999's own worked example: 11010519491231002X.
const EXAMPLE = '11010519491231002X';

describe('resident identity number (GB 11643-1999)', () => {
  it('accepts the standard’s worked example, with its X check character', () => {
    expect(residentIdCheckCharacter(EXAMPLE.slice(0, 17))).toBe('X');
    expect(isValidResidentId(EXAMPLE)).toBe(true);
    expect(isValidResidentId(normalizeResidentId(' 11010519491231002x '))).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length and an impossible birth date', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId(EXAMPLE.slice(1))).toBe(false);
    const feb30 = '11010519490230002';
    expect(isValidResidentId(feb30 + residentIdCheckCharacter(feb30))).toBe(false);
  });

  it('masks the birth date and sequence', () => {
    expect(maskResidentId(EXAMPLE)).toBe('110105********002X');
  });

  it('property: any single-digit change is detected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, shift) => {
        const digit = String((Number(EXAMPLE[pos]) + shift) % 10);
        const changed = EXAMPLE.slice(0, pos) + digit + EXAMPLE.slice(pos + 1);
        // A changed digit either breaks the date or the check; never both fine.
        expect(isValidResidentId(changed)).toBe(false);
      }),
    );
  });
});

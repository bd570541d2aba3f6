/**
 * Resident identity number (居民身份证号码), GB 11643-1999: 17 digits, then a check
 * character computed mod 11 (ISO 7064 MOD 11-2), which may be X. Sensitive: the server
 * stores it encrypted and shows it masked.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeResidentId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function residentIdCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

/** Well-formed, a real calendar date of birth, and the right check character. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return false;
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17];
}

/** First six (region) and last four shown; the birth date and sequence hidden. */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

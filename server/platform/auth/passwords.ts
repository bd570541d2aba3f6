import { readFileSync } from 'node:fs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contracts/auth.js';

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON';

// The 10,000 most common passwords, plus every longer-than-14 one of the 49,233 in
// zxcvbn-ts language-common 4.1.3 (MIT): the ones a length rule alone would let in.
const common = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean),
);

export const commonPasswordCount = common.size;

/**
 * NIST SP 800-63B: at least 15 characters, up to 128 (we allow more than the 64 the
 * guideline asks for), any characters, no composition rules; reject known-common
 * passwords and a password that is one character repeated or a common one doubled.
 * Length counts Unicode code points, not UTF-16 units.
 */
export function checkPassword(password: string): PasswordProblem | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'COMMON';
  if (/^(.)\1*$/u.test(lower)) return 'COMMON';
  const half = lower.slice(0, lower.length / 2);
  if (lower.length % 2 === 0 && half + half === lower && common.has(half)) return 'COMMON';
  return null;
}

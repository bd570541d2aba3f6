import { errorCodes, type ErrorCode } from '../../../contracts/errors.js';
import type { FieldProblem } from '../errors.js';

/** better-auth's own codes, as the project's stable ones (the rest go by status). */
const fromBetterAuth: Record<string, { code: ErrorCode; field?: string }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'WRONG_CREDENTIALS' },
  INVALID_PASSWORD: { code: 'WRONG_CREDENTIALS' },
  CREDENTIAL_ACCOUNT_NOT_FOUND: { code: 'WRONG_CREDENTIALS' },
  USER_ALREADY_EXISTS: { code: 'EMAIL_TAKEN' },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { code: 'EMAIL_TAKEN' },
  INVALID_EMAIL: { code: 'VALIDATION_FAILED', field: 'email' },
  PASSWORD_TOO_SHORT: { code: 'PASSWORD_REJECTED', field: 'password' },
  PASSWORD_TOO_LONG: { code: 'PASSWORD_REJECTED', field: 'password' },
  PASSWORD_COMPROMISED: { code: 'PASSWORD_REJECTED', field: 'password' },
  INVALID_TOKEN: { code: 'INVALID_TOKEN' },
  TOO_MANY_REQUESTS: { code: 'RATE_LIMITED' },
  VALIDATION_ERROR: { code: 'VALIDATION_FAILED' },
  INVALID_CODE: { code: 'TWO_FACTOR_CODE_WRONG', field: 'code' },
  INVALID_BACKUP_CODE: { code: 'TWO_FACTOR_CODE_WRONG', field: 'code' },
  ACCOUNT_TEMPORARILY_LOCKED: { code: 'ACCOUNT_LOCKED' },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { code: 'TWO_FACTOR_EXPIRED' },
  INVALID_TWO_FACTOR_COOKIE: { code: 'TWO_FACTOR_EXPIRED' },
  TOTP_ALREADY_ENABLED: { code: 'CONFLICT' },
  TOTP_NOT_ENABLED: { code: 'TWO_FACTOR_EXPIRED' },
};

const byStatus: Record<number, ErrorCode> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };

/**
 * What a failed better-auth answer (`{ code, message }`, or no body) means in the project's
 * one error shape: a stable code from `contracts/errors.ts` (a code of ours thrown by an auth
 * hook stays as it is) and the field at fault where there is one. Its status is kept.
 */
export function authErrorOf(status: number, body: unknown): { code: ErrorCode; fields: FieldProblem[] } {
  const given = body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : undefined;
  if (given && (errorCodes as readonly string[]).includes(given)) return { code: given as ErrorCode, fields: [] };
  const known = given ? fromBetterAuth[given] : undefined;
  if (known) return { code: known.code, fields: known.field ? [{ path: known.field, code: 'INVALID' }] : [] };
  if (status >= 500) return { code: 'INTERNAL', fields: [] };
  return { code: byStatus[status] ?? 'AUTH_REFUSED', fields: [] };
}

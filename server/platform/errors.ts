import type { ErrorCode, FieldError, FieldErrorCode } from '../../contracts/errors.js';
import { errorSentence, fieldErrorMessages, type Locale } from '../../contracts/error-messages.js';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_USCC: 409,
  ALREADY_MEMBER: 409,
  USER_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  CSRF_REJECTED: 403,
  RATE_LIMITED: 429,
  PASSWORD_REJECTED: 400,
  BUDGET_EXHAUSTED: 409,
  TRANSFER_ID_REUSED: 409,
  COMMITMENT_EXCEEDED: 409,
  COMMITMENT_RELEASED: 409,
  CLAWBACK_EXCEEDS_PAID: 409,
  FISCAL_YEAR_CLOSED: 409,
  FISCAL_YEAR_EXISTS: 409,
  LINE_EXISTS: 409,
  OUTSIDE_WINDOW: 409,
  PROGRAM_NOT_OPEN: 409,
  ALREADY_APPLIED: 409,
  ILLEGAL_TRANSITION: 409,
  OWN_APPLICATION: 403,
  SAME_APPROVER: 409,
  REVIEWS_PENDING: 409,
  NOT_ENOUGH_REVIEWERS: 409,
  NOTHING_TO_AWARD: 409,
  TRANCHE_SETTLED: 409,
  NOTICE_PENDING: 409,
  NOTICE_ENDED: 409,
  OBJECTION_RESOLVED: 409,
  NOT_ELIGIBLE: 403,
  STAY_LIMIT_REACHED: 409,
  NO_AVAILABILITY: 409,
  ALREADY_BOOKED: 409,
  STATION_CLOSED: 409,
  BOOKING_NOT_ACTIVE: 409,
  CHECK_IN_NOT_TODAY: 409,
  // 404: a code of another station is as unknown to this desk as a mistyped one.
  CHECKIN_CODE_WRONG: 404,
  ALREADY_WAITING: 409,
  OFFER_EXPIRED: 409,
  CARD_INVALID: 400,
  SPACE_NOT_AVAILABLE: 409,
  HOLD_NOT_ACTIVE: 409,
  LEASE_NOT_ACTIVE: 409,
  LEASE_RENEWED: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  BAD_REQUEST: 400,
  QUOTA_EXCEEDED: 409,
  NO_CAPACITY: 409,
  FLAVOR_UNKNOWN: 400,
  RELATED_PARTY: 403,
  DEADLINE_PASSED: 409,
  USAGE_MISMATCH: 409,
  FINDING_DECIDED: 409,
  APPEAL_TOO_LATE: 409,
  REPAYMENT_EXCEEDS_DUE: 400,
  RECOVERY_SETTLED: 409,
  REPORT_SUBMITTED: 409,
  HUB_EXISTS: 409,
  HUB_ARCHIVED: 409,
  ALREADY_HOLDS_ROLE: 409,
  LAST_ADMIN: 409,
  SEPARATION_OF_DUTIES: 409,
  LAST_OWNER: 409,
  INVITATION_EXPIRED: 410,
  INVITATION_USED: 410,
  INVITATION_OTHER_ACCOUNT: 403,
  EMAIL_NOT_VERIFIED: 403,
  WRONG_CREDENTIALS: 401,
  EMAIL_TAKEN: 422,
  INVALID_TOKEN: 400,
  AUTH_REFUSED: 400,
  ACCOUNT_LOCKED: 423,
  TWO_FACTOR_CODE_WRONG: 401,
  TWO_FACTOR_EXPIRED: 401,
  TWO_FACTOR_REQUIRED: 403,
  REAUTH_REQUIRED: 403,
  SESSION_EXPIRED: 401,
  INTERNAL: 500,
};

export type FieldProblem = { path: string; code: FieldErrorCode; detail?: string };

/** The one error type services throw; the error handler turns it into a response. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.status = statusOf[code];
  }
}

/** A 429 from a limit of our own (`platform/limits`): the error handler says how long to wait, as @fastify/rate-limit's do. */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED');
  }
}

/**
 * An authorization refusal (403, or 404 to one who may not even read the thing): the
 * request's own transaction rolls back, so `http/refusal-audit.ts` records it apart.
 */
export class Refusal extends AppError {
  constructor(
    code: 'FORBIDDEN' | 'NOT_FOUND',
    readonly action: string,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const invalid = (path: string, code: FieldErrorCode) => new AppError('VALIDATION_FAILED', [{ path, code }]);

export function errorBody(code: ErrorCode, locale: Locale, fields: FieldProblem[] = []) {
  const localized: FieldError[] = fields.map((f) => ({ ...f, message: fieldErrorMessages[f.code][locale] }));
  return { error: { code, message: errorSentence(code, locale), ...(fields.length ? { fields: localized } : {}) } };
}

/** A 429 that says how long to wait: the seconds in the body (`retryAfterSeconds`) and in its sentence; without them, the plain RATE_LIMITED. */
export function rateLimitedBody(locale: Locale, retryAfterSeconds: number | null) {
  if (!retryAfterSeconds || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 1) return errorBody('RATE_LIMITED', locale);
  const seconds = Math.ceil(retryAfterSeconds);
  return { error: { code: 'RATE_LIMITED' as const, message: errorSentence('RATE_LIMITED', locale, seconds), retryAfterSeconds: seconds } };
}

export { statusOf as errorStatus };

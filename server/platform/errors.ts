import type { ErrorCode, FieldError, FieldErrorCode } from '../../contracts/errors.js';
import { errorMessages, fieldErrorMessages, type Locale } from '../../contracts/error-messages.js';

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
  NOT_ELIGIBLE: 403,
  STAY_LIMIT_REACHED: 409,
  NO_AVAILABILITY: 409,
  ALREADY_BOOKED: 409,
  STATION_CLOSED: 409,
  BOOKING_NOT_ACTIVE: 409,
  CHECK_IN_NOT_TODAY: 409,
  ALREADY_WAITING: 409,
  OFFER_EXPIRED: 409,
  CARD_INVALID: 400,
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

export const notFound = () => new AppError('NOT_FOUND');
export const invalid = (path: string, code: FieldErrorCode) => new AppError('VALIDATION_FAILED', [{ path, code }]);

export function errorBody(code: ErrorCode, locale: Locale, fields: FieldProblem[] = []) {
  const localized: FieldError[] = fields.map((f) => ({ ...f, message: fieldErrorMessages[f.code][locale] }));
  return { error: { code, message: errorMessages[code][locale], ...(fields.length ? { fields: localized } : {}) } };
}

export { statusOf as errorStatus };

import { z } from 'zod';

/** Stable error codes. The web translates each one; clients may switch on them. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_USCC',
  'ALREADY_MEMBER',
  'USER_NOT_FOUND',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'CSRF_REJECTED',
  'RATE_LIMITED',
  'PASSWORD_REJECTED',
  'BUDGET_EXHAUSTED',
  'TRANSFER_ID_REUSED',
  'COMMITMENT_EXCEEDED',
  'COMMITMENT_RELEASED',
  'CLAWBACK_EXCEEDS_PAID',
  'FISCAL_YEAR_CLOSED',
  'FISCAL_YEAR_EXISTS',
  'LINE_EXISTS',
  'OUTSIDE_WINDOW',
  'PROGRAM_NOT_OPEN',
  'ALREADY_APPLIED',
  'ILLEGAL_TRANSITION',
  'OWN_APPLICATION',
  'SAME_APPROVER',
  'REVIEWS_PENDING',
  'NOT_ENOUGH_REVIEWERS',
  'NOTHING_TO_AWARD',
  'TRANCHE_SETTLED',
  'NOT_ELIGIBLE',
  'STAY_LIMIT_REACHED',
  'NO_AVAILABILITY',
  'ALREADY_BOOKED',
  'STATION_CLOSED',
  'BOOKING_NOT_ACTIVE',
  'CHECK_IN_NOT_TODAY',
  'ALREADY_WAITING',
  'OFFER_EXPIRED',
  'CARD_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Codes for a single field at fault inside a VALIDATION_FAILED error. */
export const fieldErrorCodes = [
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_BIG',
  'INVALID_FORMAT',
  'INVALID_OPTION',
  'INVALID_TYPE',
  'INVALID_USCC',
  'INVALID_DATE',
  'INVALID_URL',
  'UNKNOWN_FIELD',
  'INVALID_RESIDENT_ID',
  'ENDS_BEFORE_START',
  'BEFORE_BIRTH',
  'NOT_NEAR_FOUNDING',
  'NOT_IN_HUB',
  'NOT_A_UNIVERSITY',
  'INVALID_EXPRESSION',
  'UNKNOWN_REF',
  'DUPLICATE_REF',
  'ALREADY_IN_HUB',
  'FILE_NOT_FOUND',
  'WRONG_FILE_TYPE',
  'FILE_TOO_BIG',
  'IN_THE_PAST',
  'TOO_MANY_NIGHTS',
  'INVALID',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Dotted path of the field at fault, e.g. "name.zh".' }),
  code: z.enum(fieldErrorCodes),
  message: z.string(),
  detail: z.string().optional().meta({ description: 'Where exactly, e.g. "line 1, column 12: unknown variable"' }),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      fields: z.array(fieldErrorSchema).optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof apiErrorSchema>;

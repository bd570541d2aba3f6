import type { FieldError } from '../../../contracts/errors';

/**
 * A failed API call. `code` is one of contracts/errors.ts codes for our API, or a
 * better-auth code (e.g. INVALID_EMAIL_OR_PASSWORD) for /api/auth; NETWORK when no answer came.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(options: { status: number; code: string; message: string; fields?: FieldError[] }) {
    super(options.message);
    this.name = 'ApiRequestError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? [];
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

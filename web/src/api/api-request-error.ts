import type { FieldError } from '../../../contracts/errors';

/**
 * A failed API call. `code` is one of contracts/errors.ts codes (better-auth's routes
 * answer them too); NETWORK when no answer came.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Seconds until trying again makes sense (the answer's Retry-After: a lockout, a rate limit), or null. */
  readonly retryAfterSeconds: number | null;

  constructor(options: { status: number; code: string; message: string; fields?: FieldError[]; retryAfterSeconds?: number | null }) {
    super(options.message);
    this.name = 'ApiRequestError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

import type { FieldError } from '../../../contracts/errors';
import { ApiRequestError } from './api-request-error';
import { reportSessionExpired } from './session-expired';

type ErrorBody = {
  error?: { code?: string; message?: string; fields?: FieldError[]; retryAfterSeconds?: number };
  code?: string;
  message?: string;
};

/**
 * The one error for a failed answer whose body is already read (the generated client reads
 * it): our `{ error: {...} }` shape, or better-auth's `{ code, message }` should one slip
 * through. A timed-out session is also reported, so the app can send the person to sign in.
 */
export function errorFromBody(response: Response, parsed: unknown): ApiRequestError {
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ErrorBody;
  const code = body.error?.code ?? body.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
  if (code === 'SESSION_EXPIRED') reportSessionExpired();
  return new ApiRequestError({
    status: response.status,
    code,
    message: body.error?.message ?? body.message ?? response.statusText,
    fields: body.error?.fields,
    retryAfterSeconds: retryAfter(response.headers.get('retry-after')) ?? retryAfter(body.error?.retryAfterSeconds),
  });
}

/** Retry-After in seconds (the server sends seconds; a 429's body says them too), or null. */
function retryAfter(given: string | number | null | undefined): number | null {
  const seconds = given === null || given === undefined ? NaN : Number(given);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

import type { Auth } from '../auth/auth.js';
import { sessionTokenOf } from '../auth/session-cookie.js';
import { AppError } from '../errors.js';

/**
 * An onRequest hook for better-auth endpoints that act on the signed-in account: without a
 * session cookie they answer 401 in the project's shape before the body is read.
 */
export function sessionRequired(auth: Auth) {
  return async (request: { headers: { cookie?: string } }) => {
    const { secret, authCookies } = await auth.$context;
    if (!sessionTokenOf(request.headers.cookie, authCookies.sessionToken.name, secret)) throw new AppError('UNAUTHENTICATED');
  };
}

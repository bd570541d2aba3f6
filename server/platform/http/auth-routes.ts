import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { sessionSchema, signInInputSchema, signInResultSchema, signOutResultSchema } from '../../../contracts/auth-session.js';
import { apiErrorSchema } from '../../../contracts/errors.js';
import type { Db } from '../../db/connection.js';
import { CLIENT_IP_HEADER, type Auth } from '../auth/auth.js';
import { AppError, errorBody, rateLimitedBody } from '../errors.js';
import { authErrorOf } from './auth-errors.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerSessionRoutes } from './session-routes.js';
import { withoutSessionTokens } from './session-tokens.js';
import { registerTwoFactorRoutes } from './two-factor-routes.js';
import { localeOf } from './error-handler.js';

/**
 * Hands the endpoints of better-auth that Dragon Gate uses to it, translating between
 * Fastify and the Fetch API. Each is registered by name with its schemas (sign in, sign
 * out, the session here; the second factor and the account's own in their files), so the
 * contract describes them and checks their input; they reach the same handler. The link in
 * a verification message is the one more. Any other path under /api/auth is 404: better-auth
 * has more endpoints (changing a user's name or picture past the contract's rules, ending
 * every session unaudited, …) that no page needs.
 */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, baseUrl: string, db: Db): void {
  const handler = proxyTo(auth, baseUrl);
  // Opened from an e-mail (confirming an address, approving or completing a change of it).
  app.get('/api/auth/verify-email', { schema: { hide: true }, config: { public: true } }, handler);
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: { public: true },
    handler: async () => {
      throw new AppError('NOT_FOUND');
    },
  });
  const tags = ['auth'];
  const authErrors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 423: apiErrorSchema, 429: apiErrorSchema };
  app.post('/api/auth/sign-in/email', {
    config: { public: true },
    schema: {
      operationId: 'signIn',
      summary: 'Sign in with e-mail and password',
      description:
        'Sets the session cookie `dragongate.session_token` (HttpOnly, SameSite=Lax); send it on later requests. A wrong e-mail or password is 401 `WRONG_CREDENTIALS`; too many attempts from one address are 429 `RATE_LIMITED`; repeated wrong passwords lock the address for a while (423 `ACCOUNT_LOCKED`); an account with a second factor answers `twoFactorRedirect` and gets its session from `verifyTotp` or `verifyBackupCode`; every error is in the project’s one shape `{ error: { code, message, fields } }`. Browsers must send our `Origin`.',
      tags,
      body: signInInputSchema,
      response: { 200: signInResultSchema, ...authErrors },
    },
    handler,
  });
  app.post('/api/auth/sign-out', {
    config: { public: true },
    schema: {
      operationId: 'signOut',
      summary: 'Sign out',
      description: 'Ends the session of the cookie sent and clears the cookie. Signing out without a session answers success too.',
      tags,
      response: { 200: signOutResultSchema, ...authErrors },
    },
    handler,
  });
  app.get('/api/auth/get-session', {
    config: { public: true },
    schema: {
      operationId: 'getSession',
      summary: 'The current session',
      description: 'The session of the cookie sent and its account, or null when not signed in (never 401).',
      tags,
      response: { 200: sessionSchema },
    },
    handler,
  });
  registerTwoFactorRoutes(app, auth, handler);
  registerAccountRoutes(app, auth, handler);
  registerSessionRoutes(app, db);
}

/** Hands a request to better-auth and its answer back, errors in the project's one shape. */
export function proxyTo(auth: Auth, baseUrl: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const headers = fromNodeHeaders(request.headers);
    headers.set(CLIENT_IP_HEADER, request.ip);
    const response = await auth.handler(
      new Request(new URL(request.url, baseUrl), {
        method: request.method,
        headers,
        ...(request.body !== undefined && request.method !== 'GET' ? { body: JSON.stringify(request.body) } : {}),
      }),
    );
    reply.status(response.status);
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    if (response.status >= 400) {
      // better-auth answers `{ code, message }`: put it in the project's one error shape.
      const text = response.body ? await response.text() : '';
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: the status decides
      }
      const { code, fields } = authErrorOf(response.status, body);
      // Our hooks send Retry-After; better-auth's own rate limiter sends X-Retry-After.
      const retryAfter = response.headers.get('retry-after') ?? response.headers.get('x-retry-after');
      if (retryAfter) reply.header('retry-after', retryAfter);
      const answer = code === 'RATE_LIMITED' ? rateLimitedBody(localeOf(request), Number(retryAfter)) : errorBody(code, localeOf(request), fields);
      return reply.type('application/json; charset=utf-8').send(answer);
    }
    for (const [key, value] of response.headers) if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
    return reply.send(response.body ? withoutSessionTokens(new URL(request.url, baseUrl).pathname, await response.text()) : null);
  };
}

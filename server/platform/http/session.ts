import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { Auth } from '../auth/auth.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user's id, or null. Set before validation on every /api request. */
    userId: string | null;
  }
  interface FastifyContextConfig {
    /** True for routes anyone may call without signing in. */
    public?: boolean;
  }
}

/** Authenticates every API request from its session cookie; private routes need one. */
export function registerSessions(app: FastifyInstance, auth: Auth): void {
  app.decorateRequest('userId', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/')) return;
    // The API reference's own pages and assets are public, like the spec they show.
    if (request.url.startsWith('/api/docs')) return;
    request.userId = await sessionUserId(auth, request);
    if (!request.userId && !request.routeOptions.config.public && request.routeOptions.url) throw new AppError('UNAUTHENTICATED');
  });
}

async function sessionUserId(auth: Auth, request: FastifyRequest): Promise<string | null> {
  const cookie = request.headers.cookie;
  if (!cookie || !cookie.includes('session_token')) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  return session?.user.id ?? null;
}

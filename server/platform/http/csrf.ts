import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages (OWASP: verify origin with
 * standard headers). Browsers always send Origin or Sec-Fetch-Site on cross-site
 * writes; a client that sends neither (curl, the CLI, tests) carries no ambient cookie
 * risk. better-auth checks its own routes the same way.
 */
export function registerCsrfProtection(app: FastifyInstance, trustedOrigins: string[]): void {
  const trusted = new Set(trustedOrigins);
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method) || !request.url.startsWith('/api/') || request.url.startsWith('/api/auth/')) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !trusted.has(origin)) throw new AppError('CSRF_REJECTED');
    const site = request.headers['sec-fetch-site'];
    if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none') throw new AppError('CSRF_REJECTED');
  });
}

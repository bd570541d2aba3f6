import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages (OWASP: verify origin with
 * standard headers): a trusted `Origin`, or, when a browser sends no Origin,
 * `Sec-Fetch-Site: same-origin`. No exceptions: a client without a browser uses an API
 * token (`Authorization: Bearer`), which carries no ambient credential and needs neither.
 * A request with no cookie at all carries no credential to forge and is left alone.
 */
export function registerCsrfProtection(app: FastifyInstance, trustedOrigins: string[]): void {
  const trusted = new Set(trustedOrigins);
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const authRoute = request.url.startsWith('/api/auth/');
    if (!authRoute && request.headers.authorization !== undefined) return;
    if (request.headers.cookie === undefined) return;
    const origin = request.headers.origin;
    if (origin !== undefined ? trusted.has(origin) : request.headers['sec-fetch-site'] === 'same-origin') return;
    throw new AppError('CSRF_REJECTED');
  });
}

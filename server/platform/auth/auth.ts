import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contracts/auth.js';
import type { Db } from '../../db/connection.js';
import type { Config } from '../config.js';
import { uuidv7 } from '../ids.js';
import { accounts, rateLimits, sessions, users, verifications } from './auth.tables.js';
import { checkPassword } from './passwords.js';

/** The header the server sets from the socket address; clients cannot choose it. */
export const CLIENT_IP_HEADER = 'x-dragongate-client-ip';

export type Auth = ReturnType<typeof createAuth>;

export function trustedOrigins(config: Config): string[] {
  const origins = new Set([new URL(config.publicUrl).origin]);
  if (['127.0.0.1', 'localhost', '0.0.0.0'].includes(config.host)) {
    origins.add(`http://localhost:${config.port}`).add(`http://127.0.0.1:${config.port}`);
  }
  return [...origins];
}

/** Email + password accounts, database sessions in HttpOnly SameSite cookies. */
export function createAuth(db: Db, config: Config) {
  return betterAuth({
    appName: 'Dragon Gate',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: trustedOrigins(config),
    telemetry: { enabled: false },
    // Failed sign-ins are routine; the HTTP log already records each request.
    logger: { level: 'error' },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // A signed cookie caches the session for a minute, sparing a query per request.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInPerMinute },
        '/sign-up/email': { window: 60, max: config.signInPerMinute },
      },
    },
    advanced: {
      cookiePrefix: 'dragongate',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => uuidv7() },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-up/email') return;
        const password = (ctx.body as { password?: unknown } | undefined)?.password;
        const problem = typeof password === 'string' ? checkPassword(password) : 'TOO_SHORT';
        if (problem) throw new APIError('BAD_REQUEST', { code: 'PASSWORD_REJECTED', message: `password rejected: ${problem}` });
      }),
    },
  });
}

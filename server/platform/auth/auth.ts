import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contracts/auth.js';
import type { Db } from '../../db/connection.js';
import type { Config } from '../config.js';
import { uuidv7 } from '../ids.js';
import { hashLinkToken } from '../tokens.js';
import { accounts, rateLimits, sessions, twoFactors, users, verifications } from './auth.tables.js';
import { sendAccountEmail } from './account-emails.js';
import { checkPassword } from './passwords.js';
import { codeLockSeconds, verifyTotpOf } from './second-factor.js';
import { clearFailures, releaseAttempt, reserveAttempt } from './sign-in-lockout.js';
import { auditSignIn } from './sign-in-audit.js';
import { auditAccountAct, isAuditedAccountAct } from './account-audit.js';

/** The header the server sets from the socket address; clients cannot choose it. */
export const CLIENT_IP_HEADER = 'x-dragongate-client-ip';

export type Auth = ReturnType<typeof createAuth>;

/** Link lifetimes (seconds): a reset link an hour, a verification link a day. */
export const RESET_LINK_SECONDS = 60 * 60;
export const VERIFY_LINK_SECONDS = 24 * 60 * 60;

/** Addresses being created by an operator (CLI, seed): verified by them, no message sent. */
const quietSignUps = new Set<string>();
export async function withoutVerificationEmail<T>(email: string, work: () => Promise<T>): Promise<T> {
  quietSignUps.add(email.toLowerCase());
  try {
    return await work();
  } finally {
    quietSignUps.delete(email.toLowerCase());
  }
}

/** Password rules apply wherever a password is chosen. */
const passwordFields: Record<string, 'password' | 'newPassword'> = {
  '/sign-up/email': 'password',
  '/reset-password': 'newPassword',
  '/change-password': 'newPassword',
};

export function trustedOrigins(config: Config): string[] {
  const origins = new Set([new URL(config.publicUrl).origin]);
  if (['127.0.0.1', 'localhost', '0.0.0.0'].includes(config.host)) {
    origins.add(`http://localhost:${config.port}`).add(`http://127.0.0.1:${config.port}`);
  }
  return [...origins];
}

const secondFactorSteps: Record<string, 'totp' | 'backup_code'> = { '/two-factor/verify-totp': 'totp', '/two-factor/verify-backup-code': 'backup_code' };

/** What an auth request that failed logs: nothing for an answer the client earned (4xx), else the error. */
export function logAuthFailure(error: unknown, logger: { error: (message: string, ...args: unknown[]) => void }): void {
  if (error instanceof APIError && error.statusCode < 500) return;
  logger.error('auth request failed', error);
}

/** Email + password accounts, database sessions in HttpOnly SameSite cookies. */
export function createAuth(db: Db, config: Config) {
  const lockout = { failures: config.lockoutFailures, minutes: config.lockoutMinutes };
  return betterAuth({
    appName: 'Dragon Gate',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: trustedOrigins(config),
    telemetry: { enabled: false },
    // Failed sign-ins and rejected passwords are routine: the HTTP log records each request
    // and its status. Only what failed on the server (not a 4xx answer) is logged, as an error.
    logger: { level: 'error' },
    onAPIError: { onError: (error, ctx) => logAuthFailure(error, ctx.logger) },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits, twoFactor: twoFactors },
    }),
    plugins: [
      // TOTP with backup codes; a sign-in of an enrolled account answers `twoFactorRedirect`
      // and the session is made only after /two-factor/verify-totp or verify-backup-code.
      twoFactor({
        issuer: 'DragonGate',
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
        accountLockout: { enabled: true, maxFailedAttempts: config.lockoutFailures, durationSeconds: config.lockoutMinutes * 60 },
      }),
    ],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // No sign-in on sign-up: signing up with a taken address then answers exactly like
      // a new one (better-auth's generic response), so it tells nobody the account exists.
      autoSignIn: false,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }, request) =>
        sendAccountEmail(db, 'password_reset', user.email, `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`, request),
    },
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: VERIFY_LINK_SECONDS,
      sendVerificationEmail: async ({ user, url }, request) => {
        if (quietSignUps.has(user.email.toLowerCase())) return;
        await sendAccountEmail(db, 'verify_email', user.email, url, request);
      },
    },
    // A reset link's token and a sign-in's second-factor step are kept hashed, as the
    // project's own link tokens are: whoever reads the table cannot use what is in it.
    verification: { storeIdentifier: { hash: async (identifier) => hashLinkToken(identifier) } },
    user: {
      changeEmail: {
        enabled: true,
        // A confirmed address changes only once its own mailbox approves (then the new one
        // confirms): a session taken over cannot move the account to another address and
        // reset the password from there.
        sendChangeEmailConfirmation: async ({ user, newEmail, url }, request) =>
          sendAccountEmail(db, 'confirm_email_change', user.email, url, request, newEmail),
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookie cache: a session ended (sign-out elsewhere, password reset) is refused
      // on the very next request, and so is a role revoked or an account suspended.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInPerMinute },
        '/sign-up/email': { window: 60, max: config.signInPerMinute },
        // Asks for the current password, so it is limited like a sign-in (not better-auth's 3 in 10 s).
        '/change-password': { window: 60, max: config.signInPerMinute },
        '/request-password-reset': { window: 3600, max: config.accountEmailsPerHour },
        '/send-verification-email': { window: 3600, max: config.accountEmailsPerHour },
        '/change-email': { window: 3600, max: config.accountEmailsPerHour },
        '/two-factor/*': { window: 60, max: config.signInPerMinute },
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
        const body = ctx.body as Record<string, unknown> | undefined;
        if (ctx.path === '/sign-in/email' && typeof body?.email === 'string') {
          // The attempt is counted before its password is checked, so attempts sent together
          // cannot all pass the lock: the after hook knows its place in the count.
          const reservation = await reserveAttempt(db, body.email, lockout);
          if ('lockedSeconds' in reservation) {
            await auditSignIn(db, { email: body.email, step: 'password', outcome: 'locked' });
            // Retry-After tells the person when to try again (the web shows the time).
            throw new APIError(
              'LOCKED',
              { code: 'ACCOUNT_LOCKED', message: 'too many failed sign-ins; try again later' },
              { 'retry-after': String(reservation.lockedSeconds) },
            );
          }
          signInAttempts.set(attemptKey(ctx), reservation.attempt);
        }
        if (ctx.path === '/change-password') await requireSecondFactor(db, ctx, body);
        // Signing out deletes the session before the after hook runs: read it now (better-auth
        // keeps it on ctx.context.session, where the after hook finds it), without refreshing it.
        if (ctx.path === '/sign-out') await getSessionFromCtx(ctx, { disableRefresh: true });
        const field = passwordFields[ctx.path];
        if (!field) return;
        const password = (ctx.body as Record<string, unknown> | undefined)?.[field];
        const problem = typeof password === 'string' ? checkPassword(password) : 'TOO_SHORT';
        if (problem) throw new APIError('BAD_REQUEST', { code: 'PASSWORD_REJECTED', message: `password rejected: ${problem}` });
        // A changed password always ends the account's other sessions (whoever may hold one),
        // whatever the client asked: the session changing it stays signed in.
        if (ctx.path === '/change-password') return { context: { body: { ...body, revokeOtherSessions: true } } };
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const step = secondFactorSteps[ctx.path];
        if (step) {
          // Every second-factor attempt is audited; the plugin counts the failures itself.
          const user = ctx.context.newSession?.user;
          await auditSignIn(db, { email: user?.email ?? '', step, outcome: returned instanceof APIError ? 'failure' : 'success', userId: user?.id ?? null });
          await sayWhenCodesUnlock(db, ctx);
          return;
        }
        if (isAuditedAccountAct(ctx.path)) {
          // Signing out, signing out the other sessions, a changed password: audited once done
          // (a refusal, a wrong current password, or signing out with no session records nothing).
          const acting = ctx.context.session;
          if (!(returned instanceof APIError) && acting) await auditAccountAct(db, ctx.path, acting, ctx.body as Record<string, unknown> | undefined);
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== 'string') return;
        const attempt = signInAttempts.get(attemptKey(ctx));
        signInAttempts.delete(attemptKey(ctx));
        if (returned instanceof APIError) {
          // Refused for something else than a wrong password: not a failure, its place is given back.
          if (returned.body?.code !== 'INVALID_EMAIL_OR_PASSWORD') {
            if (attempt !== undefined) await releaseAttempt(db, email, lockout);
            return;
          }
          await auditSignIn(db, { email, step: 'password', outcome: 'failure' });
          // The failure at the rule's count locked the address (when it was counted).
          if (attempt === lockout.failures) await auditSignIn(db, { email, step: 'password', outcome: 'lockout' });
        } else {
          await clearFailures(db, email);
          const answer = returned as { twoFactorRedirect?: boolean; user?: { id?: string } } | undefined;
          const userId = ctx.context.newSession?.user.id ?? answer?.user?.id ?? null;
          await auditSignIn(db, { email, step: 'password', outcome: answer?.twoFactorRedirect ? 'second_factor_asked' : 'success', userId });
        }
      }),
    },
  });
}

type AuthContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Each sign-in attempt's place in the count, from the before hook to the after hook (by its request). */
const signInAttempts = new WeakMap<object, number>();
const attemptKey = (ctx: AuthContext): object => ctx.request ?? (ctx.body as object);

/**
 * A code refused because the account is locked (the plugin's lockout) says when the lock
 * ends, as Retry-After, like the password lockout: the account is the sign-in's (its
 * two-factor cookie) or the session's.
 */
async function sayWhenCodesUnlock(db: Db, ctx: AuthContext): Promise<void> {
  const returned = ctx.context.returned;
  if (!(returned instanceof APIError) || returned.body?.code !== 'ACCOUNT_TEMPORARILY_LOCKED') return;
  let userId = (await getSessionFromCtx(ctx).catch(() => null))?.user.id;
  if (!userId) {
    const challenge = await ctx.getSignedCookie(ctx.context.createAuthCookie('two_factor').name, ctx.context.secret);
    userId = challenge ? (await ctx.context.internalAdapter.findVerificationValue(challenge))?.value : undefined;
  }
  if (!userId) return;
  const seconds = await codeLockSeconds(db, userId);
  if (seconds > 0) throw new APIError('TOO_MANY_REQUESTS', returned.body, { 'retry-after': String(seconds) });
}

/**
 * Changing the password asks for the current one (better-auth) and, once the account has
 * enrolled a second factor, a current TOTP code as `code` too.
 */
async function requireSecondFactor(db: Db, ctx: AuthContext, body: Record<string, unknown> | undefined) {
  const session = await getSessionFromCtx(ctx);
  if (!session || !(session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) return;
  const code = body?.code;
  if (typeof code !== 'string' || !code) throw new APIError('FORBIDDEN', { code: 'REAUTH_REQUIRED', message: 'a code from the authenticator app is needed' });
  await verifyTotpOf(db, ctx.context.secretConfig, session.user.id, code);
}

import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { apiErrorSchema } from '../../../contracts/errors.js';
import {
  changePasswordInputSchema,
  changePasswordResultSchema,
  disableTwoFactorInputSchema,
  disableTwoFactorResultSchema,
  enableTwoFactorInputSchema,
  enableTwoFactorResultSchema,
  twoFactorVerifiedSchema,
  verifyBackupCodeInputSchema,
  verifyTotpInputSchema,
} from '../../../contracts/two-factor.js';
import type { Auth } from '../auth/auth.js';
import { sessionRequired } from './auth-session-required.js';

const tags = ['auth'];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 423: apiErrorSchema, 429: apiErrorSchema };

/**
 * better-auth's two-factor endpoints and the password change, registered by name with their
 * schemas (same handler as the rest of /api/auth/*), so the contract describes them and a
 * generated client calls them. Those that act on the signed-in account need the session
 * cookie before the body is read; the two code checks also answer to the sign-in's
 * short-lived two-factor cookie, so they need no session.
 */
export function registerTwoFactorRoutes(app: FastifyInstance, auth: Auth, handler: RouteHandlerMethod): void {
  const needsSession = sessionRequired(auth);
  app.post('/api/auth/two-factor/enable', {
    onRequest: needsSession,
    schema: {
      operationId: 'enableTwoFactor',
      summary: 'Begin enrolling an authenticator app',
      description:
        'The signed-in person, with their password: answers the `otpauth://` URI (for a QR code) and ten backup codes. The second factor counts from the first code verified with `verifyTotp`; until then sign-in asks for none. A wrong password is 401 `WRONG_CREDENTIALS`.',
      tags,
      body: enableTwoFactorInputSchema,
      response: { 200: enableTwoFactorResultSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/two-factor/verify-totp', {
    config: { public: true },
    schema: {
      operationId: 'verifyTotp',
      summary: 'Give a code from the authenticator app',
      description:
        'After a sign-in answered `twoFactorRedirect` (its short-lived cookie is sent): a right code makes the session. At enrolment (with the session): a right code turns the second factor on. A wrong code is 401 `TWO_FACTOR_CODE_WRONG` on `code`; after repeated wrong codes the account is locked for a while (429 `ACCOUNT_LOCKED`); a sign-in step that has expired is 401 `TWO_FACTOR_EXPIRED`.',
      tags,
      body: verifyTotpInputSchema,
      response: { 200: twoFactorVerifiedSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/two-factor/verify-backup-code', {
    config: { public: true },
    schema: {
      operationId: 'verifyBackupCode',
      summary: 'Give a backup code instead',
      description:
        'As `verifyTotp`, with one of the backup codes shown at enrolment; each works once. A wrong or used code is 401 `TWO_FACTOR_CODE_WRONG` on `code`; repeated wrong codes lock the account (429 `ACCOUNT_LOCKED`).',
      tags,
      body: verifyBackupCodeInputSchema,
      response: { 200: twoFactorVerifiedSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/two-factor/disable', {
    onRequest: needsSession,
    schema: {
      operationId: 'disableTwoFactor',
      summary: 'Turn the second factor off',
      description:
        'The signed-in person, with their password. In a hub that requires a second factor of one of their roles, its staff pages then answer 403 `TWO_FACTOR_REQUIRED` until they enrol again.',
      tags,
      body: disableTwoFactorInputSchema,
      response: { 200: disableTwoFactorResultSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/change-password', {
    onRequest: needsSession,
    schema: {
      operationId: 'changePassword',
      summary: 'Change the password',
      description:
        'The current password and the new one (the password rules apply: 400 `PASSWORD_REJECTED`); once the account has a second factor, a current `code` too (403 `REAUTH_REQUIRED` without it, 401 `TWO_FACTOR_CODE_WRONG` when wrong). A wrong current password is 401 `WRONG_CREDENTIALS`.',
      tags,
      body: changePasswordInputSchema,
      response: { 200: changePasswordResultSchema, ...errors },
    },
    handler,
  });
}

import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import {
  accountDoneSchema,
  accountSessionsSchema,
  changeEmailInputSchema,
  emptyInputSchema,
  requestPasswordResetInputSchema,
  resetPasswordInputSchema,
  sendVerificationEmailInputSchema,
  signUpInputSchema,
  signUpResultSchema,
} from '../../../contracts/account.js';
import { apiErrorSchema } from '../../../contracts/errors.js';
import type { Auth } from '../auth/auth.js';
import { sessionRequired } from './auth-session-required.js';

const tags = ['auth'];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema };

/**
 * better-auth's account endpoints (sign-up, a forgotten password, the address, the sessions),
 * registered by name with their schemas as the two-factor ones are: the contract describes
 * them and the web's generated client calls them. The same handler as the rest of /api/auth/*.
 */
export function registerAccountRoutes(app: FastifyInstance, auth: Auth, handler: RouteHandlerMethod): void {
  const needsSession = sessionRequired(auth);
  app.post('/api/auth/sign-up/email', {
    config: { public: true },
    schema: {
      operationId: 'signUp',
      summary: 'Create an account',
      description:
        'A name, an e-mail address and a password (the password rules apply: 400 `PASSWORD_REJECTED`). The answer is the same whether or not the address already has an account; a link to confirm the address is e-mailed. No session: sign in afterwards.',
      tags,
      body: signUpInputSchema,
      response: { 200: signUpResultSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/request-password-reset', {
    config: { public: true },
    schema: {
      operationId: 'requestPasswordReset',
      summary: 'E-mail a link to choose a new password',
      description:
        'The same answer whether or not the address has an account. The link works once, for an hour. Too many requests from one address are 429 `RATE_LIMITED`.',
      tags,
      body: requestPasswordResetInputSchema,
      response: { 200: accountDoneSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/reset-password', {
    config: { public: true },
    schema: {
      operationId: 'resetPassword',
      summary: 'Choose a new password with the e-mailed token',
      description:
        'The password rules apply (400 `PASSWORD_REJECTED`); a used, expired or unknown token is 400 `INVALID_TOKEN`. Every session of the account ends.',
      tags,
      body: resetPasswordInputSchema,
      response: { 200: accountDoneSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/send-verification-email', {
    config: { public: true },
    schema: {
      operationId: 'sendVerificationEmail',
      summary: 'E-mail the link that confirms the address again',
      description: 'The same answer whether or not the address has an account. Too many requests are 429 `RATE_LIMITED`.',
      tags,
      body: sendVerificationEmailInputSchema,
      response: { 200: accountDoneSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/change-email', {
    onRequest: needsSession,
    schema: {
      operationId: 'changeEmail',
      summary: 'Change the e-mail address',
      description:
        'The signed-in person. A confirmed address: a link to approve the change goes to it first, and once approved a link to confirm goes to the new address. An address never confirmed: the link goes to the new address at once. The address changes when the new address’s link is opened.',
      tags,
      body: changeEmailInputSchema,
      response: { 200: accountDoneSchema, ...errors },
    },
    handler,
  });
  app.get('/api/auth/list-sessions', {
    onRequest: needsSession,
    schema: {
      operationId: 'getAccountSessions',
      summary: 'The signed-in person’s sessions',
      description: 'Every session of the account that has not ended: when it began, when it was last seen, from which browser and address.',
      tags,
      response: { 200: accountSessionsSchema, ...errors },
    },
    handler,
  });
  app.post('/api/auth/revoke-other-sessions', {
    onRequest: needsSession,
    schema: {
      operationId: 'revokeOtherSessions',
      summary: 'Sign out everywhere else',
      description: 'Ends every session of the account but this one.',
      tags,
      body: emptyInputSchema,
      response: { 200: accountDoneSchema, ...errors },
    },
    handler,
  });
}

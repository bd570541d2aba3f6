import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './auth.js';
import { timestampSchema } from './common.js';

/**
 * The account's own endpoints as better-auth answers them under /api/auth (signing up, a
 * forgotten password, the address and its confirmation, the sessions): described in the
 * contract so the web's generated client calls them with checked bodies; the routes are
 * better-auth's own.
 */
const email = z.email().max(254);

/** Where a link in an e-mail leads back to: a path of this site, never another host. */
const returnPath = z
  .string()
  .max(500)
  .regex(/^\/(?:[^/\\].*)?$/)
  .meta({ description: 'A path on this site (`/profile`) the link in the e-mail leads back to' });

const done = z.looseObject({ status: z.boolean() });

export const signUpInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    email,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    callbackURL: returnPath.optional(),
  })
  .meta({ id: 'SignUpInput' });

export const signUpResultSchema = z
  .looseObject({ token: z.string().nullable() })
  .meta({ id: 'SignedUp', description: 'The same answer whether or not the address already had an account; a confirmation e-mail is on its way' });

export const requestPasswordResetInputSchema = z
  .strictObject({ email, redirectTo: returnPath.optional().meta({ description: 'The reset page the e-mailed link opens (`/reset-password`)' }) })
  .meta({ id: 'RequestPasswordResetInput' });

export const resetPasswordInputSchema = z
  .strictObject({
    token: z.string().min(1).max(256).meta({ description: 'The token from the e-mailed link' }),
    newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'ResetPasswordInput' });

export const sendVerificationEmailInputSchema = z.strictObject({ email, callbackURL: returnPath.optional() }).meta({ id: 'SendVerificationEmailInput' });

export const changeEmailInputSchema = z.strictObject({ newEmail: email, callbackURL: returnPath.optional() }).meta({ id: 'ChangeEmailInput' });

export const accountDoneSchema = done.meta({ id: 'AccountDone', description: 'Done (or, for an e-mail, sent if the address has an account)' });

export const accountSessionSchema = z
  .looseObject({
    id: z.string(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema.meta({ description: 'Last seen' }),
    expiresAt: timestampSchema,
    ipAddress: z.string().nullish(),
    userAgent: z.string().nullish().meta({ description: 'The browser or app, as it named itself' }),
  })
  .meta({ id: 'AccountSession' });

export const accountSessionsSchema = z.array(accountSessionSchema).meta({ id: 'AccountSessions' });

export const emptyInputSchema = z.strictObject({}).meta({ id: 'EmptyInput' });

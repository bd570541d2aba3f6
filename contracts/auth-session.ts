import { z } from 'zod';
import { timestampSchema } from './common.js';

/**
 * Signing in, out and the session, as better-auth answers them under /api/auth (described
 * in the contract so a generated client can sign in; the routes are better-auth's own).
 */
export const signInInputSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
  rememberMe: z.boolean().optional().meta({ description: 'false: the session ends with the browser' }),
});

const sessionUserSchema = z
  .looseObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean().nullish().meta({ description: 'Whether the account signs in with a second factor (TOTP)' }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'SessionUser', description: 'The signed-in account' });

export const signInResultSchema = z
  .union([
    z.looseObject({
      redirect: z.boolean(),
      token: z.string().meta({ description: 'The session token (also set as the `dragongate.session_token` cookie)' }),
      user: sessionUserSchema,
    }),
    z.object({
      twoFactorRedirect: z.literal(true),
      twoFactorMethods: z
        .array(z.string())
        .meta({ description: '`totp`: send a code to /api/auth/two-factor/verify-totp (or a backup code to verify-backup-code)' }),
    }),
  ])
  .meta({ id: 'SignInResult', description: 'Signed in, or (an account with a second factor) asked for a code: no session until it is given' });

/** The password again (and a current TOTP code once enrolled), before a sensitive act. */
export const reauthenticationSchema = z
  .strictObject({
    password: z.string().min(1).max(256),
    code: z
      .string()
      .regex(/^[0-9]{6}$/)
      .optional()
      .meta({ description: 'A current code from the authenticator app (accounts with a second factor)' }),
  })
  .meta({ id: 'Reauthentication' });
export type Reauthentication = z.infer<typeof reauthenticationSchema>;

export const sessionSchema = z
  .object({
    session: z.looseObject({ id: z.string(), userId: z.string(), expiresAt: timestampSchema, createdAt: timestampSchema, updatedAt: timestampSchema }),
    user: sessionUserSchema,
  })
  .nullable()
  .meta({ id: 'Session', description: 'The current session and its account, or null when not signed in' });

export const signOutResultSchema = z.object({ success: z.boolean() });

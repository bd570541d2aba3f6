import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './auth.js';

/**
 * Two-factor sign-in and the password change as better-auth's two-factor plugin answers
 * them under /api/auth (issue 16): described in the contract so the web's generated client
 * calls them with checked bodies; the routes are better-auth's own.
 */
const password = z.string().min(1).max(256);

/** A code from the authenticator app: six digits. */
export const totpCodeSchema = z.string().regex(/^[0-9]{6}$/);

/** A backup code as shown at enrolment (`abcde-12345`); spaces and case as typed are the server's to judge. */
export const backupCodeSchema = z.string().trim().min(1).max(32);

export const enableTwoFactorInputSchema = z.strictObject({ password }).meta({ id: 'EnableTwoFactorInput' });

export const enableTwoFactorResultSchema = z
  .looseObject({
    totpURI: z.string().meta({ description: 'The `otpauth://totp/…` URI the authenticator app reads (as a QR code or its secret typed in)' }),
    backupCodes: z.array(z.string()).meta({ description: 'Ten one-use codes for when the app is not at hand; shown only now' }),
  })
  .meta({ id: 'TwoFactorEnrolment', description: 'Enrolment begun: the second factor counts once a first code is verified' });

// No "trust this device": every sign-in of an enrolled account asks for a code, as a hub
// that requires a second factor expects (better-auth's `trustDevice` would skip it for 30 days).
export const verifyTotpInputSchema = z.strictObject({ code: totpCodeSchema }).meta({ id: 'VerifyTotpInput' });

export const verifyBackupCodeInputSchema = z.strictObject({ code: backupCodeSchema }).meta({ id: 'VerifyBackupCodeInput' });

export const twoFactorVerifiedSchema = z
  .looseObject({ token: z.string().meta({ description: 'The session token (also set as the cookie)' }) })
  .meta({ id: 'TwoFactorVerified', description: 'The code was right: signed in (or, at enrolment, the second factor now counts)' });

export const disableTwoFactorInputSchema = z.strictObject({ password }).meta({ id: 'DisableTwoFactorInput' });

export const disableTwoFactorResultSchema = z.object({ status: z.boolean() }).meta({ id: 'TwoFactorDisabled' });

export const changePasswordInputSchema = z
  .strictObject({
    currentPassword: password,
    newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    revokeOtherSessions: z
      .boolean()
      .optional()
      .meta({ description: 'Accepted for compatibility and ignored: a password change always ends every other session' }),
    code: totpCodeSchema.optional().meta({ description: 'A current code from the authenticator app: required once the account has a second factor' }),
  })
  .meta({ id: 'ChangePasswordInput' });

export const changePasswordResultSchema = z.looseObject({ token: z.string().nullable() }).meta({ id: 'PasswordChanged' });

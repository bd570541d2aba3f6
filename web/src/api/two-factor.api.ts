import type { components } from './openapi';
import { answer, api } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type TwoFactorEnrolment = components['schemas']['TwoFactorEnrolment'];
export type SignInResult = components['schemas']['SignInResult'];

/** Whether a sign-in's answer asks for a code before there is a session. */
export const asksForSecondFactor = (result: SignInResult): boolean => 'twoFactorRedirect' in result && result.twoFactorRedirect === true;

/** The second step of a sign-in (or the first code at enrolment): a code from the app, or a backup code. */
export const verifyTotp = (code: string) => answer(api.POST('/api/auth/two-factor/verify-totp', { body: { code } }));
export const verifyBackupCode = (code: string) => answer(api.POST('/api/auth/two-factor/verify-backup-code', { body: { code } }));

/** Enrolment begins with the password: the URI for the QR code and the backup codes. */
export const enableTwoFactor = (password: string) => answer(api.POST('/api/auth/two-factor/enable', { body: { password } }));
export const disableTwoFactor = (password: string) => answer(api.POST('/api/auth/two-factor/disable', { body: { password } }));

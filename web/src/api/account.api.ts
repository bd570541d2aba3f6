import { answer, api, type BodyOf } from './client';
import type { components } from './openapi';

// better-auth's account endpoints (forgotten password, verification, profile, sessions), through the generated client: paths, bodies and answers are the document's.
export type SessionInfo = components['schemas']['AccountSession'];

export const requestPasswordReset = (email: string) => answer(api.POST('/api/auth/request-password-reset', { body: { email, redirectTo: '/reset-password' } }));
export const resetPassword = (token: string, newPassword: string) => answer(api.POST('/api/auth/reset-password', { body: { token, newPassword } }));
export const sendVerificationEmail = (email: string) => answer(api.POST('/api/auth/send-verification-email', { body: { email, callbackURL: '/profile' } }));
/** The password change: with a current `code` once the account has a second factor. */
export const changePassword = (body: BodyOf<'/api/auth/change-password', 'post'>) => answer(api.POST('/api/auth/change-password', { body }));
export const changeEmail = (newEmail: string) => answer(api.POST('/api/auth/change-email', { body: { newEmail, callbackURL: '/profile' } }));

export const listSessions = () => answer(api.GET('/api/auth/list-sessions'));
export const revokeOtherSessions = () => answer(api.POST('/api/auth/revoke-other-sessions', { body: {} }));
/** Ends one of the person's own sessions (by the id the session list gives; 404 for any other). */
export const endSession = (id: string) => answer(api.DELETE('/api/account/sessions/{id}', { params: { path: { id } } }));

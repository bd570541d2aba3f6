import { answer, api } from './client';
import { isApiRequestError } from './api-request-error';

/** Signed in, or (an account with a second factor) asked for a code: see `asksForSecondFactor`. */
export function signIn(input: { email: string; password: string }) {
  return answer(api.POST('/api/auth/sign-in/email', { body: input }));
}

/** The same answer whether or not the address had an account; no session (sign in afterwards). */
export function signUp(input: { name: string; email: string; password: string }) {
  return answer(api.POST('/api/auth/sign-up/email', { body: { ...input, callbackURL: '/profile' } }));
}

export function signOut() {
  return answer(api.POST('/api/auth/sign-out'));
}

/** The signed-in person, or null when signed out (a 401 is an answer here, not an error). */
export async function getMe() {
  try {
    return await answer(api.GET('/api/me'));
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401) return null;
    throw error;
  }
}

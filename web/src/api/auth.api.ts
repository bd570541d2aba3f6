import type { Me } from '../../../contracts/auth';
import { apiRequest } from './http';
import { isApiRequestError } from './api-request-error';

export function signIn(input: { email: string; password: string }): Promise<unknown> {
  return apiRequest('/api/auth/sign-in/email', { method: 'POST', body: input });
}

export function signUp(input: { name: string; email: string; password: string }): Promise<unknown> {
  return apiRequest('/api/auth/sign-up/email', { method: 'POST', body: input });
}

export function signOut(): Promise<unknown> {
  return apiRequest('/api/auth/sign-out', { method: 'POST', body: {} });
}

/** The signed-in person, or null when signed out (a 401 is an answer here, not an error). */
export async function getMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/api/me');
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401) return null;
    throw error;
  }
}

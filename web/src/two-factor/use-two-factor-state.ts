import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/client';

export const sessionQueryKey = ['sessions', 'current'] as const;

/** The current session (generated client): its account says whether it has a second factor. */
export function useSessionAccount(enabled = true) {
  return useQuery({ queryKey: sessionQueryKey, queryFn: () => answer(api.GET('/api/auth/get-session')), enabled });
}

/** Whether the signed-in account signs in with a second factor (false while unknown). */
export function useHasSecondFactor(enabled = true): boolean {
  return useSessionAccount(enabled).data?.user.twoFactorEnabled === true;
}

import { useQuery } from '@tanstack/react-query';
import { getMe } from '../api/auth.api';

export const meQueryKey = ['me'] as const;

/** The signed-in person (null when signed out), shared by every page. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}

import { useQuery } from '@tanstack/react-query';
import { getCapabilities } from '../api/capabilities.api';
import { useMe } from './use-me';

export const capabilitiesKey = (hub: string) => ['capabilities', hub] as const;

/**
 * What the server says this person may do in the hub: menus and buttons follow it, so
 * the web keeps no copy of the policies. Re-read often: a role granted or taken away
 * counts from the next request.
 */
export function useCapabilities(hub: string) {
  const me = useMe();
  return useQuery({
    queryKey: [...capabilitiesKey(hub), me.data?.user.id ?? null],
    queryFn: () => getCapabilities(hub),
    staleTime: 15_000,
    enabled: Boolean(hub) && !me.isPending,
  });
}

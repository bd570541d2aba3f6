import { useQuery } from '@tanstack/react-query';
import { getHubSecurity } from '../api/hub-security.api';
import { hubSecurityKey } from './hub-security.form';
import { useHasSecondFactor } from './use-two-factor-state';

/**
 * Whether a sensitive act in this hub (a new API token) asks for the password again, and
 * a code: as the server decides it, of every account with a second factor and of everyone
 * in a hub that requires one of some role. `asked`: the server said so already.
 */
export function useReauthNeeded(hub: string, asked: boolean): { needed: boolean; code: boolean } {
  const code = useHasSecondFactor();
  const security = useQuery({ queryKey: hubSecurityKey(hub), queryFn: () => getHubSecurity(hub), retry: false });
  const hubAsks = (security.data?.twoFactorRoles.length ?? 0) > 0;
  return { needed: asked || code || hubAsks, code };
}

import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getMe } from '../api/auth.api';
import { getCapabilities } from '../api/capabilities.api';
import { meQueryKey } from '../auth/use-me';

/** Where enrolment lives; `hub` names the hub whose rule asks for it, `next` where to go after. */
export const enrolPath = (next: string, hub?: string) => `/two-factor?${new URLSearchParams({ next, ...(hub && { hub }) }).toString()}`;

/**
 * Once signed in: to `next`, unless a hub where the person is staff requires a second
 * factor of their role and they have none; then to enrolment first.
 */
export function useAfterSignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (next: string) => {
    client.removeQueries({ queryKey: ['sessions'] });
    const me = await client.fetchQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 0 });
    const staffHubs = (me?.hubs ?? []).filter((hub) => hub.roles.length > 0);
    for (const hub of staffHubs) {
      const capabilities = await getCapabilities(hub.slug).catch(() => null);
      if (capabilities?.mustEnrolTwoFactor) {
        navigate(enrolPath(next, hub.slug), { replace: true });
        return;
      }
    }
    navigate(next, { replace: true });
  };
}

import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getMe } from '../api/auth.api';
import { getCapabilities } from '../api/capabilities.api';
import type { Me } from '../../../contracts/auth';
import { meQueryKey } from '../auth/use-me';

/** Where enrolment lives; `hub` names the hub whose rule asks for it, `next` where to go after. */
export const enrolPath = (next: string, hub?: string) => `/two-factor?${new URLSearchParams({ next, ...(hub && { hub }) }).toString()}`;

/**
 * The one hub a person works in, if there is exactly one: where they are staff or where
 * their organisations are. An operator (who opens and archives hubs) works across them.
 */
export function onlyHubOf(me: Me | null | undefined): string | null {
  if (!me || me.operator) return null;
  const slugs = new Set([...me.hubs.map((hub) => hub.slug), ...me.organizations.map((org) => org.hub)]);
  return slugs.size === 1 ? [...slugs][0]! : null;
}

/** Where sign-in lands when nothing else was asked for (`next` is "/"): a person of one hub in that hub, others on the hub picker. */
export function landingAfterSignIn(next: string, me: Me | null | undefined): string {
  if (next !== '/') return next;
  const hub = onlyHubOf(me);
  return hub ? `/hubs/${hub}/organizations` : next;
}

/**
 * Once signed in: to `next` (a person of one hub lands in it, see landingAfterSignIn), unless a hub where the person is staff requires a second
 * factor of their role and they have none; then to enrolment first.
 */
export function useAfterSignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (next: string) => {
    client.removeQueries({ queryKey: ['sessions'] });
    const me = await client.fetchQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 0 });
    next = landingAfterSignIn(next, me);
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

import type { HubRole } from '../../../contracts/auth';
import { useMe } from '../auth/use-me';

const editors: readonly HubRole[] = ['hub_admin', 'program_officer'];

/** What the signed-in person may do in this hub. The server decides; this only hides what it would refuse. */
export function useHubRoles(hub: string) {
  const me = useMe();
  const roles = me.data?.hubs.find((h) => h.slug === hub)?.roles ?? [];
  return {
    isStaff: roles.length > 0,
    canEdit: roles.some((role) => editors.includes(role)),
    isAdmin: roles.includes('hub_admin'),
  };
}

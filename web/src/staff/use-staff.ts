import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../layout/use-cursor-list';
import type { HubRole } from '../../../contracts/auth';
import { grantHubRole, inviteStaff, listStaff, listStaffInvitations, revokeHubRole, revokeStaffInvitation, setSuspended } from '../api/staff.api';

export const staffKey = (hub: string) => ['hubs', hub, 'staff'] as const;

/** The staff a page at a time (`fetchNextPage` for more), narrowed by `q`. */
export function useStaff(hub: string, q: string) {
  return useCursorList([...staffKey(hub), 'members', q], (next) => listStaff(hub, { q, next }));
}

export function useStaffInvitations(hub: string, enabled: boolean) {
  return useQuery({ queryKey: [...staffKey(hub), 'invitations'], queryFn: () => listStaffInvitations(hub), enabled });
}

/** Every staff change, each refreshing the lists (and the caller's own capabilities). */
export function useStaffChanges(hub: string) {
  const client = useQueryClient();
  const done = () => Promise.all([client.invalidateQueries({ queryKey: staffKey(hub) }), client.invalidateQueries({ queryKey: ['capabilities', hub] })]);
  return {
    invite: useMutation({ mutationFn: (input: { email: string; roles: HubRole[] }) => inviteStaff(hub, input), onSuccess: done }),
    withdraw: useMutation({ mutationFn: (id: string) => revokeStaffInvitation(hub, id), onSuccess: done }),
    grant: useMutation({ mutationFn: (v: { userId: string; role: HubRole }) => grantHubRole(hub, v.userId, v.role), onSuccess: done }),
    revoke: useMutation({ mutationFn: (v: { userId: string; role: HubRole }) => revokeHubRole(hub, v.userId, v.role), onSuccess: done }),
    suspend: useMutation({ mutationFn: (v: { userId: string; suspended: boolean }) => setSuspended(hub, v.userId, v.suspended), onSuccess: done }),
  };
}

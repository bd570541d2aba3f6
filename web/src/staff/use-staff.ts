import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../layout/use-cursor-list';
import type { HubRole } from '../../../contracts/auth';
import { inviteStaff, listStaff, listStaffInvitations } from '../api/staff.api';

export const staffKey = (hub: string) => ['hubs', hub, 'staff'] as const;

/** The staff a page at a time (`fetchNextPage` for more), narrowed by `q`. */
export function useStaff(hub: string, q: string) {
  return useCursorList([...staffKey(hub), 'members', q], (next) => listStaff(hub, { q, next }));
}

export function useStaffInvitations(hub: string, enabled: boolean) {
  return useQuery({ queryKey: [...staffKey(hub), 'invitations'], queryFn: () => listStaffInvitations(hub), enabled });
}

/** After any staff change: the lists (and the caller's own capabilities) are stale. */
export function useRefreshStaff(hub: string) {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: staffKey(hub) }), client.invalidateQueries({ queryKey: ['capabilities', hub] })]);
}

/** Inviting staff (the invite dialog's write), refreshing the lists. Role, suspension and invitation changes are the rows' own forms. */
export function useStaffChanges(hub: string) {
  const done = useRefreshStaff(hub);
  return {
    invite: useMutation({ mutationFn: (input: { email: string; roles: HubRole[] }) => inviteStaff(hub, input), onSuccess: done }),
  };
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HubRole } from '../../../contracts/auth';
import { isApiRequestError } from '../api/api-request-error';
import { getAward, getHistory, getReviewBoard, getReviewItem, listReviewQueue } from '../api/reviews.api';
import { useMe } from '../auth/use-me';
import { applicationsKey } from '../programs/use-programs';

const key = (hub: string, id: string) => [...applicationsKey(hub), id] as const;

export const useReviewQueue = (hub: string) => useQuery({ queryKey: ['hubs', hub, 'review-queue'], queryFn: () => listReviewQueue(hub) });
export const useReviewItem = (hub: string, id: string) => useQuery({ queryKey: ['hubs', hub, 'review-queue', id], queryFn: () => getReviewItem(hub, id), retry: false });
export const useReviewBoard = (hub: string, id: string) => useQuery({ queryKey: [...key(hub, id), 'reviews'], queryFn: () => getReviewBoard(hub, id), retry: false });
export const useHistory = (hub: string, id: string) => useQuery({ queryKey: [...key(hub, id), 'history'], queryFn: () => getHistory(hub, id), retry: false });
/** A 404 here means no award (yet): not an error to show. */
export const useAward = (hub: string, id: string, enabled: boolean) =>
  useQuery({ queryKey: [...key(hub, id), 'award'], queryFn: () => getAward(hub, id).catch((e) => (isApiRequestError(e) && e.status === 404 ? null : Promise.reject(e))), retry: false, enabled });

/** After any workflow step: the application, its reviews, history and award are stale. */
export function useRefreshApplication(hub: string, id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key(hub, id) });
}

// Mirrors server/modules/reviews/reviews.policies.ts; the server decides, this only hides what it would refuse.
export function useHubRoles(hub: string): readonly HubRole[] {
  const me = useMe();
  return me.data?.hubs.find((h) => h.slug === hub)?.roles ?? [];
}
export const isOfficer = (roles: readonly HubRole[]) => roles.includes('program_officer') || roles.includes('hub_admin');
export const isFinance = (roles: readonly HubRole[]) => roles.includes('finance_officer') || roles.includes('hub_admin');
export const isReviewer = (roles: readonly HubRole[]) => roles.includes('reviewer');

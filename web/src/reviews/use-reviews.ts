import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../api/api-request-error';
import { getAward, getHistory, getReviewBoard, getReviewItem, listReviewQueue } from '../api/reviews.api';
import { useCapabilities } from '../auth/use-capabilities';
import { useCursorList } from '../layout/use-cursor-list';
import { applicationsKey } from '../programs/use-programs';

const key = (hub: string, id: string) => [...applicationsKey(hub), id] as const;

/** My review queue, a page at a time (`<LoadMore list={...} />` for the next). */
export const useReviewQueue = (hub: string) => useCursorList(['hubs', hub, 'review-queue'], (next) => listReviewQueue(hub, next));
export const useReviewItem = (hub: string, id: string) =>
  useQuery({ queryKey: ['hubs', hub, 'review-queue', id], queryFn: () => getReviewItem(hub, id), retry: false });
export const useReviewBoard = (hub: string, id: string) =>
  useQuery({ queryKey: [...key(hub, id), 'reviews'], queryFn: () => getReviewBoard(hub, id), retry: false });
export const useHistory = (hub: string, id: string) => useQuery({ queryKey: [...key(hub, id), 'history'], queryFn: () => getHistory(hub, id), retry: false });
/** A 404 here means no award (yet): not an error to show. */
export const useAward = (hub: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...key(hub, id), 'award'],
    queryFn: () => getAward(hub, id).catch((e) => (isApiRequestError(e) && e.status === 404 ? null : Promise.reject(e))),
    retry: false,
    enabled,
  });

/** After any workflow step: the application, its reviews, history and award are stale. */
export function useRefreshApplication(hub: string, id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key(hub, id) });
}

/**
 * Whether the caller reads every finding (at the findings desk) rather than their own under the
 * application, as the server says (GET capabilities). Who sees the review board and its buttons
 * is the application's own `allowedActions`, not a hub-wide flag.
 */
export function useReviewPowers(hub: string): { readsAllFindings: boolean } {
  const capabilities = useCapabilities(hub).data;
  return { readsAllFindings: capabilities?.actions.obligations.read ?? false };
}

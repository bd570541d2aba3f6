import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { CursorPage } from '../api/cursor';

/**
 * A cursor-paged list on screen: the pages loaded so far as one array, and `loadMore` for
 * the next (show `<LoadMore list={...} />` under the table). Changing the key starts over.
 */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: (next: string | undefined) => Promise<CursorPage<T>>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

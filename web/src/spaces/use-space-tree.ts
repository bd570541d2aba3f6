import { useQuery } from '@tanstack/react-query';
import { listSpaceTree, type SpaceNode } from '../api/spaces.api';

/** At most this many pages of 100 nodes are read for the desk. */
const MAX_PAGES = 50;

/** The whole space tree of the hub, parents before children, page after page. */
export function useSpaceTree(hub: string) {
  return useQuery({
    queryKey: ['spaces', hub, 'tree'],
    queryFn: async () => {
      const items: SpaceNode[] = [];
      let next: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const got = await listSpaceTree(hub, next ? { next } : {});
        items.push(...got.items);
        if (!got.next) break;
        next = got.next;
      }
      return { items };
    },
  });
}

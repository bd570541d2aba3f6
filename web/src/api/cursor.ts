import type { CursorPage } from '../../../contracts/pagination';

export type { CursorPage };

/**
 * Every item of a cursor-paged list, following `next` page by page. Only for lists that are
 * small by nature (a hub's stations, one organisation's relations); long registers page on
 * screen with `useCursorList` instead.
 */
export async function listAll<T>(fetchPage: (next: string | undefined) => Promise<CursorPage<T>>, maxPages = 50): Promise<{ items: T[] }> {
  const items: T[] = [];
  let next: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(next);
    items.push(...page.items);
    if (!page.next) break;
    next = page.next;
  }
  return { items };
}

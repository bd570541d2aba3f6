/** An ILIKE pattern that matches `text` anywhere, with its own % and _ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The total for a page: known without a query when the first page is not full,
 * otherwise counted separately (a window count would read and sort every match).
 */
export async function totalOf(
  rowsOnPage: number,
  query: { page: number; pageSize: number },
  count: () => Promise<{ n: number }[]>,
): Promise<number> {
  if (query.page === 1 && rowsOnPage < query.pageSize) return rowsOnPage;
  return (await count())[0]?.n ?? 0;
}

import { expect } from 'vitest';
import { as, type TestContext, type TestUser } from './harness.js';

type Page = { items: { id?: string }[]; next: string | null };

/**
 * Holds a cursor-paged list to the contract: read whole (limit 100) and one item a page
 * (limit 1), the pages give every item once, in the same order, each page within its limit,
 * and the last page says `next: null`; a cursor we did not make is a 400 on `next`. `url`
 * may carry its filters (`?station=...`); `keyOf` names an item (its id by default).
 * Returns the items read whole, for the caller's own checks.
 */
export async function expectPagedList<T extends object>(
  ctx: TestContext,
  user: TestUser | null,
  url: string,
  options: { atLeast: number; keyOf?: (item: T) => string },
): Promise<T[]> {
  const keyOf = options.keyOf ?? ((item: T) => (item as { id: string }).id);
  const join = url.includes('?') ? '&' : '?';
  const get = async (query: string) => {
    const res = await ctx.app.inject(as(user, { method: 'GET', url: `${url}${join}${query}` }));
    expect(res.statusCode, `${url} ${query}: ${res.body}`).toBe(200);
    return res.json() as Page;
  };
  const whole = await get('limit=100');
  expect(whole.next, `${url}: fewer than 100 items fit one page`).toBeNull();
  expect(whole.items.length, url).toBeGreaterThanOrEqual(options.atLeast);
  expect(options.atLeast, 'page through at least two items').toBeGreaterThanOrEqual(2);

  const paged: string[] = [];
  let next: string | null = null;
  let pages = 0;
  do {
    const page = await get(`limit=1${next ? `&next=${next}` : ''}`);
    expect(page.items.length, `${url}: a page holds at most its limit`).toBeLessThanOrEqual(1);
    paged.push(...(page.items as T[]).map(keyOf));
    next = page.next;
    expect(++pages, `${url}: paging ends`).toBeLessThanOrEqual(whole.items.length + 1);
  } while (next);
  expect(paged, `${url}: every item once, in order`).toEqual((whole.items as T[]).map(keyOf));

  // The first page's cursor continues after the first item; two items a page gives the same.
  const first = await get('limit=1');
  expect(first.next).not.toBeNull();
  const second = await get(`limit=1&next=${first.next}`);
  expect((second.items as T[]).map(keyOf)).toEqual([keyOf(whole.items[1] as T)]);

  // Garbage, the wrong shape, and the right shape with values of the wrong type (never a database error).
  const forged = [1, 2, 3, 4].flatMap((n) => [Array(n).fill('x'), Array(n).fill(7), Array(n).fill('2026-02-31')]);
  for (const bad of ['not-ours', '{"x":1}', '[1,2,3,4,5,6]', ...forged.map((k) => JSON.stringify(k))].map((k) =>
    k === 'not-ours' ? k : Buffer.from(k).toString('base64url'),
  )) {
    const res = await ctx.app.inject(as(user, { method: 'GET', url: `${url}${join}limit=1&next=${bad}` }));
    expect([res.statusCode, res.json().error?.code], `${url}: bad cursor ${bad}`).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      res.json().error.fields.map((f: { path: string }) => f.path),
      `${url}: bad cursor names next`,
    ).toContain('next');
  }
  return whole.items as T[];
}

// One list out of several sorted sources (awards: applications and leases), read as it goes.
import type { CursorPage } from '../../../contracts/pagination.js';
import { writeCursor } from '../../platform/pagination.js';

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * One page of a list drawn from several sources, each paged by the same cursor on the id,
 * newest first: `pages` are each source's first `limit` items after that cursor. The page is
 * the first `limit` of them all, its cursor its last id, so the next page asks every source
 * for what comes after it: each item once, in order, whatever the mix (one read per source).
 */
export function mergePages<T>(pages: readonly CursorPage<T>[], limit: number, idOf: (item: T) => string): CursorPage<T> {
  const all = pages.flatMap((p) => p.items).sort((a, b) => newestFirst(idOf(a), idOf(b)));
  const items = all.slice(0, limit);
  const more = all.length > limit || pages.some((p) => p.next !== null);
  return { items, next: more && items.length > 0 ? writeCursor([idOf(items.at(-1)!)]) : null };
}

/** A keyset-read source as a stream: `read` gives the `batch` after the last one's id (null: the first). */
export async function* batched<T extends { id: string }>(read: (afterId: string | null) => Promise<T[]>, batch: number): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after);
    yield* rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!.id;
  }
}

/** Sorted streams as one sorted stream, each read only as far as needed (a k-way merge by `compare`). */
export async function* mergeSorted<T>(sources: readonly AsyncIterable<T>[], compare: (a: T, b: T) => number): AsyncGenerator<T> {
  const streams = sources.map((s) => s[Symbol.asyncIterator]());
  try {
    const heads: IteratorResult<T>[] = [];
    for (const s of streams) heads.push(await s.next());
    for (;;) {
      let first = -1;
      heads.forEach((h, i) => {
        if (!h.done && (first < 0 || compare(h.value, heads[first]!.value as T) < 0)) first = i;
      });
      if (first < 0) return;
      yield heads[first]!.value as T;
      heads[first] = await streams[first]!.next();
    }
  } finally {
    for (const s of streams) await s.return?.();
  }
}

/** A stream in arrays of `size` (the last one shorter), never an empty one. */
export async function* chunked<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

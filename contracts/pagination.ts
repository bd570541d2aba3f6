import { z } from 'zod';

/**
 * The one way a list is paged: cursor paging. Ask for `limit` items; the answer carries
 * `next`, an opaque cursor to pass back as `next` for the following page, or null on the
 * last page. Cursors survive inserts (keyset paging, never OFFSET) and carry no meaning
 * for clients. Every `list*` operation takes `cursorQuerySchema` (extended with its
 * filters) and answers `cursorPageOf(item)`; the contract test holds every route to it.
 */
export const cursorQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: 'How many items to return at most (1-100, default 50)' }),
  next: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,800}$/, 'INVALID_FORMAT')
    .optional()
    .meta({ description: 'The `next` cursor of the previous page; absent for the first page' }),
});
export type CursorQuery = z.output<typeof cursorQuerySchema>;

/** A page of `item`s: `{ items, next }`, `next` null on the last page. */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next: z.string().nullable().meta({ description: 'Cursor of the following page (pass it as `next`), or null on the last page' }),
  });
}
export type CursorPage<T> = { items: T[]; next: string | null };

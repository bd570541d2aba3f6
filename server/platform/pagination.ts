import { Column, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { CursorPage } from '../../contracts/pagination.js';
import { invalid } from './errors.js';
import { isBadText } from './http/input-hygiene.js';

/**
 * Cursor paging on the server (the contract side is `contracts/pagination.ts`).
 * A cursor is the sort key of the last item sent, as base64url JSON. A list use case:
 *
 *   const key = readCursor(query.next, 2);                        // null on the first page
 *   const rows = await db.select()...where(and(filters, key && after([t.nameEn, t.id], key)))
 *     .orderBy(asc(t.nameEn), asc(t.id)).limit(query.limit + 1);  // one extra: is there more?
 *   return pageOf(rows, query.limit, (r) => [r.nameEn, r.id]);
 *
 * The sort key must be unique (end it with the id) and every part sorted the same way.
 */
export type CursorKey = readonly (string | number | null)[];

export function writeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key in `next`, or null when absent; a cursor not made by us is 400 on `next`. */
export function readCursor(next: string | undefined, parts: number): CursorKey | null {
  if (next === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(next, 'base64url').toString('utf8'));
  } catch {
    throw invalid('next', 'INVALID_FORMAT');
  }
  const ok = Array.isArray(key) && key.length === parts && key.every((v) => v === null || typeof v === 'string' || typeof v === 'number');
  if (!ok) throw invalid('next', 'INVALID_FORMAT');
  return key as CursorKey;
}

const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

const partIsValid: Record<string, (v: CursorKey[number]) => boolean> = {
  PgUUID: (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  PgText: (v) => typeof v === 'string' && !isBadText(v),
  PgVarchar: (v) => typeof v === 'string' && !isBadText(v),
  PgDateString: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '0001-01-01' && isRealDate(v),
  PgInteger: (v) => Number.isSafeInteger(v) && Math.abs(v as number) < 2 ** 31,
  PgSmallInt: (v) => Number.isSafeInteger(v) && Math.abs(v as number) < 2 ** 15,
  PgBigInt53: (v) => Number.isSafeInteger(v),
};

/** A part sorted by an expression rather than a column: an integer or a date (the only kinds used). */
const expressionPart = (v: CursorKey[number]) => Number.isSafeInteger(v) || partIsValid.PgDateString!(v);

/** A cursor not made by us (a part not of its column's type) is a 400 on `next`. */
function checkParts(columns: SQLWrapper[], key: CursorKey): void {
  columns.forEach((column, i) => {
    const type = column instanceof Column ? column.columnType : undefined;
    const valid = type ? partIsValid[type] : expressionPart;
    if (!valid || !valid(key[i]!)) throw invalid('next', 'INVALID_FORMAT');
  });
}

/**
 * The key in `next` with each part checked against the column it stands for, or null when
 * absent: for a cursor used in SQL of its own rather than through `after` (e.g. a key read
 * back by id), so a cursor not made by us is a 400 on `next`, never a database error.
 */
export function readCursorOf(next: string | undefined, columns: SQLWrapper[]): CursorKey | null {
  const key = readCursor(next, columns.length);
  if (key) checkParts(columns, key);
  return key;
}

/**
 * Rows strictly after `key` in the order of `columns` (`desc`: strictly before). Each part
 * of a cursor is checked against its column's type first, so a cursor not made by us is a
 * 400 on `next`, never a database error.
 */
export function after(columns: SQLWrapper[], key: CursorKey, direction: 'asc' | 'desc' = 'asc'): SQL {
  checkParts(columns, key);
  const left = sql.join(
    columns.map((c) => sql`${c}`),
    sql`, `,
  );
  const right = sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  );
  return direction === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/** The page out of `limit + 1` rows fetched: the first `limit`, and a cursor when there were more. */
export function pageOf<Row, Item = Row>(rows: Row[], limit: number, keyOf: (row: Row) => CursorKey, present?: (row: Row) => Item): CursorPage<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: present ? shown.map(present) : (shown as unknown as Item[]),
    next: rows.length > limit && last !== undefined ? writeCursor(keyOf(last)) : null,
  };
}

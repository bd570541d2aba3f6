import type { Db, Tx } from './connection.js';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock
const MAX_ATTEMPTS = 5;

export type TxOptions = { isolation?: 'serializable' | 'read committed' | 'repeatable read'; readOnly?: boolean };

/**
 * Runs `work` in one transaction, retrying a bounded number of times when PostgreSQL
 * reports a serialization failure or deadlock. `work` must be safe to re-run: it may
 * only have effects inside the transaction.
 *
 * READ COMMITTED by default: every write path is guarded by constraints, row locks and
 * insert-first idempotency, and every state change appends to its hub's audit chain,
 * whose head row would make concurrent SERIALIZABLE writers of one hub fail with 40001
 * over and over. A read-then-decide use case asks for 'serializable' explicitly.
 */
export async function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work, {
        isolationLevel: options.isolation ?? 'read committed',
        accessMode: options.readOnly ? 'read only' : 'read write',
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
    }
  }
}

type PgError = { code: string; message: string; constraint?: unknown; detail?: unknown };

/** The PostgreSQL error itself, looking through Drizzle's wrapper. */
function pgError(error: unknown): PgError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return undefined;
}

/**
 * Integrity violations by the words of their message. Citus passes errors raised on a
 * worker without the constraint field, and reports some (INSERT ... SELECT through the
 * coordinator) as XX000 with the worker's message; the message still names the class and
 * the constraint (with the shard's suffix).
 */
const violations: [RegExp, string][] = [
  [/duplicate key value violates unique constraint "([^"]+)"/, '23505'],
  [/violates foreign key constraint "([^"]+)"/, '23503'],
  [/violates check constraint "([^"]+)"/, '23514'],
  [/violates exclusion constraint "([^"]+)"/, '23P01'],
  [/violates not-null constraint/, '23502'],
];

/** SQLSTATE of a PostgreSQL error; XX000 carrying an integrity violation is that violation's class. */
export function sqlState(error: unknown): string | undefined {
  const e = pgError(error);
  if (e?.code !== 'XX000') return e?.code;
  return violations.find(([pattern]) => pattern.test(e.message))?.[1] ?? e.code;
}

/** Constraint name of a PostgreSQL error (the field, else the message), without Citus shard suffixes (`_102008`). */
export function constraintName(error: unknown): string | undefined {
  const e = pgError(error);
  if (!e) return undefined;
  const name = typeof e.constraint === 'string' ? e.constraint : violations.map(([pattern]) => pattern.exec(e.message)?.[1]).find(Boolean);
  return name?.replace(/(_\d{6,})+$/, '');
}

/** The server's own message of a PostgreSQL error (e.g. a RAISE in a function). */
export function serverMessage(error: unknown): string | undefined {
  return pgError(error)?.message;
}

/** The DETAIL of a PostgreSQL error (a RAISE's field detail; Citus passes it on from workers), or null. */
export function serverDetail(error: unknown): string | null {
  const detail = pgError(error)?.detail;
  return typeof detail === 'string' && detail !== '' ? detail : null;
}

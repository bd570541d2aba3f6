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

/** SQLSTATE of a PostgreSQL error, looking through Drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Constraint name of a PostgreSQL error, without a Citus shard suffix (`_102008`). */
export function constraintName(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { constraint?: unknown }).constraint;
    if (typeof name === 'string') return name.replace(/_\d{6,}$/, '');
  }
  return undefined;
}

/** The server's own message of a PostgreSQL error (e.g. a RAISE in a function). */
export function serverMessage(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  }
  return undefined;
}

import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { serverMessage, sqlState } from '../../db/transaction.js';
import { canonicalJson } from '../audit/hash-chain.js';
import { AppError } from '../errors.js';
import { idempotencyKeys } from './idempotency.tables.js';

export type StoredResponse<T> = { status: number; body: T; replayed: boolean };

export type IdempotencyScope = { hubId: string; userId: string; key: string | undefined; operation: string; request: unknown };

/**
 * Runs `effect` at most once per (hub, caller, key). The key row is written in the same
 * transaction as the effect, so either both exist or neither does; a concurrent twin
 * waits on the key's unique index and then replays the first response. The same key
 * with a different request is refused (422).
 */
export async function idempotent<T>(tx: Tx, scope: IdempotencyScope, effect: () => Promise<{ status: number; body: T }>): Promise<StoredResponse<T>> {
  if (!scope.key) return { ...(await effect()), replayed: false };
  const requestHash = requestHashOf(scope);
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ hubId: scope.hubId, userId: scope.userId, key: scope.key, operation: scope.operation, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (inserted.length === 0) {
    const first = await storedResponse<T>(tx, scope);
    if (!first) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return first;
  }

  const result = await effect();
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: result.status, response: result.body as object })
    .where(and(eq(idempotencyKeys.hubId, scope.hubId), eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, scope.key)));
  return { ...result, replayed: false };
}

/** What identifies a request under its key: the operation and the request, hashed. */
export function requestHashOf(scope: Pick<IdempotencyScope, 'operation' | 'request'>): string {
  return createHash('sha256').update(scope.operation).update('\n').update(canonicalJson(scope.request)).digest('hex');
}

/**
 * The first response stored under the scope's key, as a replay; undefined when there is
 * none. The same key with another request is refused (422), one still being written 409.
 * A write judged before its one call (a booking) asks this when it refuses a retry, so a
 * retry whose first attempt succeeded gets that answer, not a refusal of today's making.
 */
export async function storedResponse<T>(db: Db | Tx, scope: IdempotencyScope): Promise<StoredResponse<T> | undefined> {
  if (!scope.key) return undefined;
  const [first] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.hubId, scope.hubId), eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, scope.key)));
  if (!first) return undefined;
  if (first.requestHash !== requestHashOf(scope) || first.operation !== scope.operation) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  if (first.statusCode === null) throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT');
  return { status: first.statusCode, body: first.response as T, replayed: true };
}

/**
 * A key refused inside a write that is one SQL function (`dg_idempotency_claim`,
 * migrations/0042: SQLSTATE 'DG001'), as the app's error, the same as `idempotent` raises;
 * undefined for any other error.
 */
export function keyRefusal(error: unknown): AppError | undefined {
  if (sqlState(error) !== 'DG001') return undefined;
  const code = serverMessage(error);
  return code === 'IDEMPOTENCY_KEY_REUSED' || code === 'IDEMPOTENCY_KEY_IN_FLIGHT' ? new AppError(code) : undefined;
}

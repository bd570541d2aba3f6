import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction, type TxOptions } from '../../db/transaction.js';
import { AppError } from '../errors.js';
import { idempotent, type IdempotencyScope, type StoredResponse } from '../idempotency/idempotency.js';

export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII')
    .optional()
    .meta({ description: 'Makes a retry return the first response instead of acting twice.' }),
});

/** Sends a stored or fresh result; a replay says so in `Idempotent-Replayed`. */
export function sendStored<T>(reply: FastifyReply, result: StoredResponse<T>) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(result.status).send(result.body);
}

/**
 * What an idempotent write is: the hub it is in, the operation's name (with the ids of
 * its path, e.g. `endLease:<id>`, so one key on two objects is refused), the request it
 * hashes (the body by default) and the transaction's options.
 */
export type IdempotentOperation = { hubId: string; operation: string; request?: unknown; tx?: TxOptions };

/**
 * The one way a route performs a write that moves money, beds, space or compute: in one
 * transaction, `effect` runs at most once per (hub, caller, `Idempotency-Key`); a retry
 * gets the first status and body back (marked `Idempotent-Replayed`). A write that is one
 * SQL function keeps its key in that call instead (a booking: `bookBedOnce`, given
 * `idempotencyKeyOf(request)`), with the same rules and the same rows.
 */
export async function idempotentWrite<T>(
  deps: { db: Db },
  request: FastifyRequest,
  reply: FastifyReply,
  write: IdempotentOperation,
  effect: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<FastifyReply> {
  const scope = idempotencyScopeOf(request, write);
  const result = await withTransaction(deps.db, (tx) => idempotent(tx, scope, () => effect(tx)), write.tx);
  return sendStored(reply, result);
}

/** The caller, their `Idempotency-Key` (if sent) and the request it stands for. */
function idempotencyScopeOf(request: FastifyRequest, write: IdempotentOperation): IdempotencyScope {
  const userId = request.userId;
  if (!userId) throw new AppError('UNAUTHENTICATED');
  return { hubId: write.hubId, userId, key: idempotencyKeyOf(request), operation: write.operation, request: write.request ?? request.body ?? {} };
}

/** The request's `Idempotency-Key` header, if it sent one (its form checked by idempotencyHeadersSchema). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = (request.headers as Record<string, string | string[] | undefined>)['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
}

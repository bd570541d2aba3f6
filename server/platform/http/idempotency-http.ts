import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { StoredResponse } from '../idempotency/idempotency.js';

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

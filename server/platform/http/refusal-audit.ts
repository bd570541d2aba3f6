import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';
import { AppError, Refusal } from '../errors.js';

const hubOfRequest = new WeakMap<FastifyRequest, string>();

/** The hub a request named (set by `hubScope`), so a refusal is recorded in that hub's chain. */
export function noteRequestHub(request: FastifyRequest, hubId: string): void {
  hubOfRequest.set(request, hubId);
}

/**
 * Every authorization refusal (403, or 404 to one who may not read the thing) is audited:
 * who, which route, the policy's action, the answer. So is a 404 a service answered from its
 * own lookup (`notFound()`: an id of another hub, or none at all) to a signed-in caller of a
 * hub the request named, with `lookup: 'not_found'` in place of a policy action: to the
 * caller it is the same answer, and probing for others' objects looks like either. Requests
 * by no one and 404s before any hub was resolved (an unknown hub or path) are not recorded,
 * so anonymous scanning cannot fill the chain; at most one event per request (this hook
 * runs once, with the error the request ended with). The request's own transaction has
 * rolled back by then, so the event is written in a transaction of its own.
 */
export function registerRefusalAudit(app: FastifyInstance, db: Db): void {
  app.addHook('onError', async (request, reply, error) => {
    const refusal = refusalOf(request, error);
    if (!refusal) return;
    try {
      await withTransaction(db, (tx) =>
        recordAudit(tx, {
          hubId: refusal.hubId,
          actorId: request.userId,
          action: 'access.refused',
          subjectType: 'route',
          subjectId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
          payload: { ...refusal.why, ...(request.apiToken ? { tokenId: request.apiToken.id } : {}) },
        }),
      );
    } catch (failure) {
      request.log.error({ err: failure }, 'refusal not audited');
    }
  });
}

/** Which chain records the refusal and why it was refused, or null when the error is not one to record. */
function refusalOf(request: FastifyRequest, error: Error): { hubId: string; why: Record<string, string | number> } | null {
  const hubId = hubOfRequest.get(request);
  if (error instanceof Refusal) return { hubId: hubId ?? DEPLOYMENT_CHAIN, why: { policyAction: error.action, result: error.status } };
  if (error instanceof AppError && error.code === 'NOT_FOUND' && request.userId && hubId) return { hubId, why: { lookup: 'not_found', result: 404 } };
  return null;
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';
import { Refusal } from '../errors.js';

const hubOfRequest = new WeakMap<FastifyRequest, string>();

/** The hub a request named (set by `hubScope`), so a refusal is recorded in that hub's chain. */
export function noteRequestHub(request: FastifyRequest, hubId: string): void {
  hubOfRequest.set(request, hubId);
}

/**
 * Every authorization refusal (403, or 404 to one who may not read the thing) is audited:
 * who, which route, the policy's action, the answer. The request's own transaction has
 * rolled back by then, so the event is written in a transaction of its own.
 */
export function registerRefusalAudit(app: FastifyInstance, db: Db): void {
  app.addHook('onError', async (request, reply, error) => {
    if (!(error instanceof Refusal)) return;
    try {
      await withTransaction(db, (tx) =>
        recordAudit(tx, {
          hubId: hubOfRequest.get(request) ?? DEPLOYMENT_CHAIN,
          actorId: request.userId,
          action: 'access.refused',
          subjectType: 'route',
          subjectId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
          payload: { policyAction: error.action, result: error.status, ...(request.apiToken ? { tokenId: request.apiToken.id } : {}) },
        }),
      );
    } catch (failure) {
      request.log.error({ err: failure }, 'refusal not audited');
    }
  });
}

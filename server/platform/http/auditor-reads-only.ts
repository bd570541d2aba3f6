import type { FastifyRequest } from 'fastify';
import { Refusal } from '../errors.js';
import { onlyAuditor, type Actor } from '../policies.js';
import { noteRequestHub } from './refusal-audit.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A write to the caller's own inbox (marking notifications read), which even the hub's auditor may do. */
    ownInbox?: boolean;
  }
}

/**
 * The hub's auditor changes nothing in it (三员分立): any write by an account that holds the
 * auditor role and no working role in the hub named by the path is refused, 403, audited as
 * `access.refused` in that hub's chain. Sessions are judged as they are read (before the body
 * is validated, so a refusal never depends on the input); API tokens when `hubScope` loads them.
 */
export function refuseAuditorWrite(request: FastifyRequest, hubId: string, actor: Pick<Actor, 'hubRoles'>): void {
  if (READS.has(request.method) || !onlyAuditor(actor) || request.routeOptions.config.ownInbox) return;
  noteRequestHub(request, hubId);
  throw new Refusal('FORBIDDEN', 'write');
}

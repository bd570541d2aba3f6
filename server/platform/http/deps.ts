import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import type { Auth } from '../auth/auth.js';
import type { Config } from '../config.js';
import type { FieldCrypto } from '../crypto/fields.js';
import type { Actor } from '../policies.js';
import { findHub, loadActor, type HubRow } from '../tenancy/tenancy.js';
import { refuseAuditorWrite } from './auditor-reads-only.js';
import { noteRequestHub } from './refusal-audit.js';

/** What route modules receive: the database, auth and configuration of this process. */
export type Deps = { db: Db; auth: Auth; config: Config; crypto: FieldCrypto };

/**
 * The hub named in the path (404 if none) and the caller's roles in it: those read with
 * the session when the path named this hub (no query), else read now. A write by an account
 * that is only the hub's auditor is refused (403, audited as access.refused).
 */
export async function hubScope(deps: Deps, request: FastifyRequest, slug: string): Promise<{ hub: HubRow; actor: Actor }> {
  const hub = await findHub(deps.db, slug);
  noteRequestHub(request, hub.id);
  const known = request.sessionActor;
  const actor: Actor =
    known && known.hubId === hub.id && !request.apiToken
      ? { userId: known.userId, hubRoles: known.hubRoles, operator: known.operator }
      : await loadActor(deps.db, hub.id, request.userId, request.apiToken);
  refuseAuditorWrite(request, hub.id, actor);
  return { hub, actor };
}

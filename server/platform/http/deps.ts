import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import type { Auth } from '../auth/auth.js';
import type { Config } from '../config.js';
import type { FieldCrypto } from '../crypto.js';
import type { Actor } from '../policies.js';
import { findHub, loadActor, type HubRow } from '../tenancy/tenancy.js';

/** What route modules receive: the database, auth and configuration of this process. */
export type Deps = { db: Db; auth: Auth; config: Config; crypto: FieldCrypto };

/** The hub named in the path (404 if none) and the caller's roles in it. */
export async function hubScope(deps: Deps, request: FastifyRequest, slug: string): Promise<{ hub: HubRow; actor: Actor }> {
  const hub = await findHub(deps.db, slug);
  return { hub, actor: await loadActor(deps.db, hub.id, request.userId) };
}

import type { Db } from '../../db/connection.js';
import { listHubRows } from '../tenancy/tenancy.js';

/**
 * Events that belong to no hub (sign-ins, lockouts, refusals outside a hub) go to the
 * deployment's own chain, kept exactly like a hub's: hash-chained, checkpointed, verified,
 * exported, archived.
 */
export const DEPLOYMENT_CHAIN = '00000000-0000-0000-0000-000000000000';

export type AuditChain = { id: string; slug: string };

/** Every chain to verify, checkpoint, forward or archive: the deployment's, then each hub's. */
export async function auditChains(db: Db): Promise<AuditChain[]> {
  return [{ id: DEPLOYMENT_CHAIN, slug: 'deployment' }, ...(await listHubRows(db)).map((h) => ({ id: h.id, slug: h.slug }))];
}

/** One chain by slug (`deployment` names the deployment's own). */
export async function auditChainNamed(db: Db, slug: string): Promise<AuditChain | null> {
  return (await auditChains(db)).find((c) => c.slug === slug) ?? null;
}

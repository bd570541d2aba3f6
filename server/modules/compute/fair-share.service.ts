import type { FairShare } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { applicantNames } from '../ecosystem/index.js';
import { Planner } from './admission.js';
import { computeAdminPolicy } from './compute.policies.js';
import { computeQueues } from './compute.tables.js';
import { eq } from 'drizzle-orm';
import type { Scope } from './pools.service.js';
import { HALF_LIFE_HOURS, loadSnapshot } from './snapshot.service.js';

/** Each company's standing: weighted dominant share (decayed history + admitted work), entitlement, use now, waiting. */
export async function getFairShare(db: Db | Tx, scope: Scope, now = new Date()): Promise<FairShare> {
  computeAdminPolicy.authorize(scope.actor, 'read', {});
  const snapshot = await loadSnapshot(db, scope.hub, now);
  const planner = new Planner(snapshot);
  const queues = await db.select().from(computeQueues).where(eq(computeQueues.hubId, scope.hub.id));
  const names = await applicantNames(
    db,
    scope.hub.id,
    'organization',
    queues.map((q) => q.organizationId),
  );
  const items = queues.map((q) => {
    const state = planner.queues.get(q.id)!;
    const quotas = Object.values(state.queue.quotas);
    return {
      organization: { id: q.organizationId, name: names.get(q.organizationId) ?? { zh: '', en: '' } },
      cohort: q.cohort,
      weight: q.weight,
      dominantShare: planner.shareOf(state),
      decayedGpuHours: Math.round(state.queue.history.gpu * 10) / 10,
      entitlementGpus: quotas.reduce((s, x) => s + x.nominal, 0),
      gpusInUse: [...state.use.values()].reduce((s, use) => s + (use[0] ?? 0), 0),
      pending: snapshot.pending.filter((r) => r.queueId === q.id).length,
    };
  });
  items.sort((a, b) => a.dominantShare - b.dominantShare);
  return { halfLifeHours: HALF_LIFE_HOURS, items };
}

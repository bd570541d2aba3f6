// The compute module's public face: pools, quotas, requests decided by the admission
// engine, metered usage and the vouchers it pays; and what the jobs run.
import type { FastifyInstance } from 'fastify';
import { registerTokenSubject } from '../../platform/api-tokens/index.js';
import type { Deps } from '../../platform/http/deps.js';
import { organizationRecord } from '../ecosystem/index.js';
import { computeRoutes } from './compute.routes.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { usageRoutes } from './usage.routes.js';

// A provider's machine credential is an API token whose subject is the provider (usage reports).
registerTokenSubject('compute_provider', async (db, hubId, id) => (await organizationRecord(db, hubId, id))?.kind === 'compute_provider');

export async function registerComputeRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(computeRoutes(deps));
  await app.register(usageRoutes(deps));
  await app.register(dashboardRoutes(deps));
}

export { admissionRound } from './admission.service.js';
export { reconcileComputeVouchers } from './reconcile.service.js';
export { computeAdminPolicy, usagePolicy } from './compute.policies.js';
export { computeUsageSummary } from './usage-summary.js';
export { computeUsageTrend } from './usage-trend.js';

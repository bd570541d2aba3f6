// The compute module's public face: pools, quotas, requests decided by the admission
// engine, metered usage and the vouchers it pays; and what the jobs run.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { computeRoutes } from './compute.routes.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { usageRoutes } from './usage.routes.js';

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

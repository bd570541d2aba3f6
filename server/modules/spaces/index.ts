// The spaces module's public face: routes, and what the jobs run (monthly subsidy payments).
import type { FastifyInstance } from 'fastify';
import { registerCauseNamer } from '../../platform/cause-names.js';
import type { Deps } from '../../platform/http/deps.js';
import { nameLeases } from './lease-names.js';
import { leaseRoutes } from './leases.routes.js';
import { spaceRequestRoutes } from './requests.routes.js';
import { spaceRoutes } from './spaces.routes.js';

export async function registerSpaceRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // A rent subsidy's ledger transfers have the lease as their cause: the ledger names it through here.
  registerCauseNamer('space_lease', nameLeases);
  await app.register(spaceRoutes(deps));
  await app.register(leaseRoutes(deps));
  await app.register(spaceRequestRoutes(deps));
}

export { runMonthlySubsidies, type MonthlyCounts } from './monthly-subsidy.service.js';
export { lapseSpaceOffers } from './offer-lapse.service.js';
export { remindExpiringHolds } from './hold-reminders.service.js';
export { spaceTreePolicy, tenancyPolicy } from './spaces.policies.js';
export { spaceAreaSummary } from './area-summary.js';
export { spaceAreaTrend } from './area-trend.js';
export { rentSubsidyGrants, leasePrograms, type RentSubsidyGrants } from './subsidy-grants.js';
export { rentGrantsAfter, rentGrantsPage, type RentGrantRow } from './public-rent-grants.js';

// The obligations module's public face: after the money — what awardees owe once paid,
// the daily check that finds breaches, and the recoveries decided breaches owe.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { obligationRoutes } from './obligations.routes.js';
import { outcomeRoutes } from './outcomes.routes.js';
import { outcomeReportRoutes } from './reports.routes.js';

export async function registerObligationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(obligationRoutes(deps));
  await app.register(outcomeReportRoutes(deps));
  await app.register(outcomeRoutes(deps));
}

export { checkHubObligations, type CheckCounts } from './monitoring.service.js';
export { findingPolicy } from './obligations.policies.js';

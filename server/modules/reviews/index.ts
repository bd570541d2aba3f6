// The reviews module's public face: the reviewed workflow (reviewers, conflicts from the
// graph, decisions with the two-person rule) and awards (tranches, reports, claw-backs).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { awardRoutes } from './awards.routes.js';
import { reviewRoutes } from './reviews.routes.js';

export async function registerReviewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(reviewRoutes(deps));
  await app.register(awardRoutes(deps));
}

export { checkHubConditions } from './conditions.service.js';
export { remindMilestones } from './milestones.service.js';

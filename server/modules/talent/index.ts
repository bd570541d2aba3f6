// The talent module's public face: graduate standing (stays ask it), tiers and talent cards.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { registerPersonMove } from '../ecosystem/index.js';
import { talentCardRoutes } from './cards.routes.js';
import { identityClaimRoutes } from './identity-claims.routes.js';
import { moveTalent } from './person-move.js';
import { graduateRoutes } from './talent.routes.js';

export async function registerTalentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  registerPersonMove('talent', moveTalent);
  await app.register(graduateRoutes(deps));
  await app.register(talentCardRoutes(deps));
  await app.register(identityClaimRoutes(deps));
}

export { graduateFactsSql, graduateStanding, standingFromFacts, verifyGraduate, DEFAULT_GRADUATE_RULES } from './graduate.service.js';
export { saveTalentCatalogue, type CatalogueClass } from './catalogue.service.js';
export type { GraduateRules, GraduateStanding, Reason as GraduateReason } from './graduate-eligibility.js';
export { talentPolicy } from './talent.policies.js';

// The programs module's public face: the catalog, the rules engine and applications.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { matchRoutes } from './matches.routes.js';
import { programRoutes } from './programs.routes.js';

export async function registerProgramRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(programRoutes(deps));
  await app.register(matchRoutes(deps));
}

export { runMatching, type MatchingCounts } from './matching.service.js';
export { findApplication, moveApplication, programOf, checkRevisedAnswers, isOwnApplication, priceApplication, conditionalRuleOnlyAwards, type ApplicationPatch } from './application-port.js';
export { presentApplication } from './programs.presenters.js';
export { checkDraftAnswers, judgeDraft } from './application-drafts.js';
export { toBenefitExplanation, type BenefitResult } from './benefits.js';
export { hubToday, type ApplicationRow } from './applications.service.js';
export type { Scope } from './programs.service.js';

// The programs module's public face: the catalog, the rules engine and applications.
import type { FastifyInstance } from 'fastify';
import { registerCauseNamer } from '../../platform/cause-names.js';
import type { Deps } from '../../platform/http/deps.js';
import { registerPersonMove } from '../ecosystem/index.js';
import { nameApplications } from './application-names.js';
import { matchRoutes } from './matches.routes.js';
import { moveApplications } from './person-move.js';
import { programRoutes } from './programs.routes.js';
import { simulationRoutes } from './simulation.routes.js';

export async function registerProgramRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  registerCauseNamer('application', nameApplications);
  registerPersonMove('applications', moveApplications);
  await app.register(programRoutes(deps));
  await app.register(matchRoutes(deps));
  await app.register(simulationRoutes(deps));
}

export { runMatching, type MatchingCounts } from './matching.service.js';
export { registerApplicationActions } from './application-actions-port.js';
export { registerPendingApprover, type ApplicationColumns } from './second-approval-port.js';
export { registerPublicNotice } from './notice-port.js';
export {
  findApplication,
  moveApplication,
  programOf,
  checkRevisedAnswers,
  priceApplication,
  takeAwardTurn,
  conditionalRuleOnlyAwards,
  type ApplicationPatch,
} from './application-port.js';
export { applicationStanding, readableApplicationIdsSql, type ApplicationStanding } from './application-standing.js';
export { answeredFileIds } from './answered-files.js';
export { presentApplication } from './programs.presenters.js';
export { applicationsRead } from './application-reads.js';
export { checkDraftAnswers, judgeDraft } from './application-drafts.js';
export { splitTranches, toBenefitExplanation, type BenefitResult } from './benefits.js';
export { type ApplicationRow } from './applications.service.js';
export type { Scope } from './programs.service.js';
export { rentSubsidyProgram, rentExtensionHolds, programNames, type RentProgram } from './rent-port.js';
export { maxMonthlySubsidy, subsidisedYears, type RentRules } from './rent-subsidy.js';
export { awardsWithObligations, otherAwardsOf, type AwardWithRules } from './award-port.js';
export { publicAwardsAfter, publicAwardsToPeople, publicAwardStates, type PublicAwardRow } from './public-awards-port.js';
export { programPolicy, applicationPolicy } from './programs.policies.js';
export { publicAwardsPage, publicProgramSpend, noticedAwards, applicationIdByNumber, type ProgramSpendRow, type NoticedAward } from './public-award-pages.js';
export { outcomeApplicants, type OutcomeApplicant, type OutcomeSide } from './outcome-port.js';

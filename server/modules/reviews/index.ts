// The reviews module's public face: the reviewed workflow (reviewers, conflicts from the
// graph, decisions with the two-person rule) and awards (tranches, reports, claw-backs).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { registerApplicationActions, registerPendingApprover, registerPublicNotice } from '../programs/index.js';
import { recordRuleOnlyTranches } from './conditions.service.js';
import { openNotice } from './notices.service.js';
import { applicationActions } from './application-actions.js';
import { awardRoutes } from './awards.routes.js';
import { fileReadRoutes } from './file-reads.routes.js';
import { noticeRoutes } from './notices.routes.js';
import { reviewRoutes } from './reviews.routes.js';
import { pendingApproverSql } from './transitions.js';

export async function registerReviewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  registerApplicationActions(applicationActions);
  // Lists say which approvals wait for their second officer, by the same rule as the workflow.
  registerPendingApprover(pendingApproverSql);
  // A rule-only award with a notice period: its tranches wait, and it goes on the board.
  registerPublicNotice(async (tx, scope, award, workingDays, now) => {
    await recordRuleOnlyTranches(tx, award, true);
    await openNotice(tx, scope, award, workingDays, now);
  });
  await app.register(reviewRoutes(deps));
  await app.register(awardRoutes(deps));
  await app.register(noticeRoutes(deps));
  await app.register(fileReadRoutes(deps));
}

export { holdAward, resumeAward, stopAward, recordAwardEvent } from './award-holds.service.js';
export { checkHubConditions } from './conditions.service.js';
export { noticeHold } from './notices.service.js';
export { remindMilestones } from './milestones.service.js';
export { awardPaymentState } from './payment-state.js';
export { addMonths } from './settings.js';
export { reviewPolicy } from './reviews.policies.js';

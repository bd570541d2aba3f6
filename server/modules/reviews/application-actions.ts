import type { ApplicationAction } from '../../../contracts/allowed-actions.js';
import type { ApplicationStatus, WorkflowEvent } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { permitted } from '../../platform/policies.js';
import type { ApplicationRow, Scope } from '../programs/index.js';
import { reviewsPending } from './decision.service.js';
import { readsReviewers, reviewPolicy } from './reviews.policies.js';
import { settingsOf } from './settings.js';
import { pendingApprover, reviewSubjectOf } from './transitions.js';
import { nextState, type ActorKind } from './workflow.js';

/**
 * What the caller may do with an application now (its `allowedActions`): the policy check
 * and the workflow table's answer for the application's state, as `actorFor` and `fire`
 * ask them when the route runs.
 */
export async function applicationActions(db: Db | Tx, scope: Scope, app: ApplicationRow): Promise<ApplicationAction[]> {
  const subject = await reviewSubjectOf(db, scope, app);
  const own = subject.own;
  const context = { actorId: scope.actor.userId, ownApplication: own, firstApproverId: await pendingApprover(db, app) };
  const status = app.status as ApplicationStatus;
  const may = (action: string, kind: ActorKind, events: readonly WorkflowEvent[], from = status) =>
    reviewPolicy.can(scope.actor, action, subject) &&
    events.some((event) => nextState(from, event, kind, { ...context, ownApplication: kind !== 'applicant' && own }).ok);
  // The reviewed workflow's steps exist only in a reviewed program (the routes' reviewedSettings):
  // a rule-only application has none, not even when it was rejected because its award was revoked.
  const reviewed = (await settingsOf(db, app)).reviewed;
  const step: typeof may = (...args) => reviewed && may(...args);
  const screen = step('decide', 'officer', ['screen']);
  return permitted<ApplicationAction>({
    withdraw: may('act_as_applicant', 'applicant', ['withdraw']),
    appeal: step('act_as_applicant', 'applicant', ['appeal']),
    resubmit: step('act_as_applicant', 'applicant', ['resubmit']),
    screen,
    // Assigning screens a submitted application first (assignReviewers).
    assignReviewers: step('assign', 'officer', ['assign']) || (screen && step('assign', 'officer', ['assign'], 'screening')),
    // The review board names the reviewers and shows every score to the same callers; a
    // rule-only program has no board.
    readReviewers: reviewed && readsReviewers(scope.actor, subject),
    // In review, every reviewer of the round must have scored first (REVIEWS_PENDING).
    decide:
      step('decide', 'officer', ['approve', 'reject', 'return', 'second_approve', 'second_reject']) &&
      !(status === 'in_review' && (await reviewsPending(db, app))),
  });
}

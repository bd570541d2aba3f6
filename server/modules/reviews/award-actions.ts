import type { AwardAction, TrancheAction } from '../../../contracts/allowed-actions.js';
import type { ApplicationStatus } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { permitted } from '../../platform/policies.js';
import type { ApplicationRow, Scope } from '../programs/index.js';
import { noticeHold } from './notices.service.js';
import { reviewPolicy } from './reviews.policies.js';
import { reviewSubjectOf } from './transitions.js';
import { nextState } from './workflow.js';
import { localToday } from '../../platform/hub-time.js';

/** Where the awardee reports on milestones (as submitMilestoneReport checks). */
const reporting: readonly string[] = ['awarded', 'in_payment'];

/** What the caller may do with an award and with each of its tranches: the `allowedActions` the routes' own checks give. */
export type AwardPowers = { award: AwardAction[]; tranche: (t: { status: string; recorded: boolean }) => TrancheAction[] };

/**
 * The award's `allowedActions`, from the same policy checks and workflow table the award
 * routes run: finance pays a waiting tranche (not while the public notice holds the award)
 * and takes money back once some was paid; the awardee reports; officers accept reports
 * and record social insurance.
 */
export async function awardPowers(db: Db | Tx, scope: Scope, app: ApplicationRow, paid: bigint, now = new Date()): Promise<AwardPowers> {
  const subject = await reviewSubjectOf(db, scope, app);
  const status = app.status as ApplicationStatus;
  const can = (action: string) => reviewPolicy.can(scope.actor, action, subject);
  const context = { actorId: scope.actor.userId, ownApplication: false, firstApproverId: null };
  const finance = can('pay') && Boolean(app.commitmentId);
  const payable =
    finance && nextState(status, 'pay', 'finance', context).ok && !(await noticeHold(db, scope.hub.id, app.id, localToday(scope.hub.timeZone, now)));
  const award = permitted<AwardAction>({
    clawBack: finance && paid > 0n && nextState(status, 'claw_back', 'finance', context).ok,
    reportMilestone: can('act_as_applicant') && reporting.includes(status),
    reviewMilestone: can('accept_report'),
    recordSocialInsurance: can('record_fact'),
  });
  return { award, tranche: (t) => permitted<TrancheAction>({ release: payable && t.recorded && t.status === 'waiting' }) };
}

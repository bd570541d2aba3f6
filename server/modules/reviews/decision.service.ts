import { and, eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { decisionInputSchema } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/index.js';
import { priceApplication, takeAwardTurn, toBenefitExplanation, type ApplicationRow, type Scope } from '../programs/index.js';
import { usersOfApplicants } from '../ecosystem/index.js';
import { createAward } from './awards.service.js';
import { wasReopened } from './notices.service.js';
import { applicationDecisions, reviewAssignments } from './reviews.tables.js';
import { reviewedSettings } from './settings.js';
import { actorFor, fire, loadVisible, pendingApprover } from './transitions.js';

type DecisionInput = z.output<typeof decisionInputSchema>;

/**
 * An officer decides, with a reason. Approving prices the award by the program's formula;
 * at or below the program's two-person threshold the award is made at once, above it the
 * application waits, approved, for a second officer (a different person) whose approve
 * makes the award and whose reject rejects it. Nobody decides their own application.
 * Two officers deciding at once: the conditional UPDATE lets one through, the other is 409.
 */
export async function decideApplication(tx: Tx, scope: Scope, applicationId: string, input: DecisionInput, now = new Date()): Promise<ApplicationRow> {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  const actor = actorFor(scope, subject, 'officer');
  const settings = await reviewedSettings(tx, app);
  const record = async (outcome: string, amount: bigint | null) =>
    tx.insert(applicationDecisions).values({
      hubId: scope.hub.id,
      id: uuidv7(),
      applicationId: app.id,
      outcome,
      reason: input.reason,
      decidedBy: scope.actor.userId!,
      amount,
      ...(await standing(tx, app)),
    });

  if (app.status === 'approved' && (await pendingApprover(tx, app))) {
    if (input.outcome === 'return') throw new AppError('ILLEGAL_TRANSITION');
    const event = input.outcome === 'approve' ? 'second_approve' : 'second_reject';
    const moved = await fire(tx, scope, app, event, actor, input.reason, event === 'second_approve' ? { commitmentId: await commitmentIdFor(tx, app) } : {});
    await record(event, event === 'second_approve' ? app.amount : null);
    const done = event === 'second_approve' ? await createAward(tx, scope, moved, now) : moved;
    await tell(tx, scope.hub.slug, done, event === 'second_approve' ? 'approve' : 'reject');
    return done;
  }

  if (app.status === 'in_review') await requireReviews(tx, app);
  if (input.outcome !== 'approve') {
    const moved = await fire(tx, scope, app, input.outcome, actor, input.reason);
    await record(input.outcome, null);
    await tell(tx, scope.hub.slug, moved, input.outcome);
    return moved;
  }
  await takeAwardTurn(tx, app);
  const benefit = await priceApplication(tx, app, now);
  if (benefit.amount === 0n) throw new AppError('NOTHING_TO_AWARD');
  const approved = await fire(tx, scope, app, 'approve', actor, input.reason, { amount: benefit.amount, benefit: toBenefitExplanation(benefit) });
  await record('approve', benefit.amount);
  const threshold = settings.twoPersonThreshold === null ? null : BigInt(settings.twoPersonThreshold);
  if (threshold !== null && benefit.amount > threshold) return approved;
  const awarded = await fire(tx, scope, approved, 'award', 'system', null, { commitmentId: await commitmentIdFor(tx, app) });
  const done = await createAward(tx, scope, awarded, now);
  await tell(tx, scope.hub.slug, done, 'approve');
  return done;
}

/** The award's commitment id: the application's id, or a fresh one when an earlier award was reopened (its commitment released). */
async function commitmentIdFor(tx: Tx, app: ApplicationRow): Promise<string> {
  return (await wasReopened(tx, app.hubId, app.id)) ? uuidv7() : app.id;
}

/** Every reviewer of the current round must have scored (or declared a conflict). */
async function requireReviews(tx: Tx, app: ApplicationRow): Promise<void> {
  if (await reviewsPending(tx, app)) throw new AppError('REVIEWS_PENDING');
}

/** Whether a reviewer of the current round has yet to score (or to declare a conflict). */
export async function reviewsPending(db: Db | Tx, app: ApplicationRow): Promise<boolean> {
  const where = and(eq(reviewAssignments.hubId, app.hubId), eq(reviewAssignments.applicationId, app.id));
  const [{ round } = { round: null }] = await db
    .select({ round: max(reviewAssignments.round) })
    .from(reviewAssignments)
    .where(where);
  const open = await db
    .select({ reviewer: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .where(and(where, eq(reviewAssignments.round, round ?? 0), eq(reviewAssignments.status, 'assigned')));
  return open.length > 0;
}

const decisionTitles: Record<string, { zh: string; en: string }> = {
  approve: { zh: '您的申请已获批准', en: 'Your application was approved' },
  reject: { zh: '您的申请未获批准', en: 'Your application was not approved' },
  return: { zh: '您的申请被退回修改', en: 'Your application was returned for changes' },
};

/** The applicant hears of the decision in the app (the reason, never who reviewed). */
async function tell(tx: Tx, hubSlug: string, app: ApplicationRow, outcome: string): Promise<void> {
  const type = app.organizationId ? 'organization' : 'person';
  const id = (app.organizationId ?? app.personId)!;
  const users = (await usersOfApplicants(tx, app.hubId, type, [id])).map((u) => u.userId);
  if (!users.includes(app.submittedBy)) users.push(app.submittedBy);
  await notify(
    tx,
    app.hubId,
    users.map((userId) => ({
      userId,
      kind: `decision:${app.status}`,
      subjectType: 'application',
      subjectId: app.id,
      payload: { outcome, status: app.status, title: decisionTitles[outcome] ?? decisionTitles.approve!, link: `/hubs/${hubSlug}/applications/${app.id}` },
    })),
  );
}

/**
 * Where the application stands among the program's reviewed applications as it is decided:
 * its score (the mean of its last round's submitted totals) and its rank by score (ties share
 * a rank) out of how many; all null when it has no submitted review (rule-only, or decided
 * at screening). Kept on the decision, so a rejection's score and rank outlive later rounds.
 */
async function standing(tx: Tx, app: ApplicationRow): Promise<{ scoreBasisPoints: number | null; rank: number | null; rankedAmong: number | null }> {
  const { rows } = await tx.execute<{ score: number; rank: number; among: number }>(sql`
    WITH last_round AS (
      SELECT r.application_id, max(r.round) AS round FROM review_assignments r
      JOIN applications a ON a.hub_id = r.hub_id AND a.id = r.application_id
      WHERE r.hub_id = ${app.hubId} AND a.program_id = ${app.programId} AND r.status = 'submitted'
      GROUP BY r.application_id
    ), scores AS (
      SELECT r.application_id, round(avg(r.total_basis_points))::int AS score FROM review_assignments r
      JOIN last_round l ON l.application_id = r.application_id AND l.round = r.round
      WHERE r.hub_id = ${app.hubId} AND r.status = 'submitted'
      GROUP BY r.application_id
    )
    SELECT s.score, (SELECT count(*) FROM scores o WHERE o.score > s.score)::int + 1 AS rank, (SELECT count(*) FROM scores)::int AS among
    FROM scores s WHERE s.application_id = ${app.id}`);
  const row = rows[0];
  return row ? { scoreBasisPoints: row.score, rank: row.rank, rankedAmong: row.among } : { scoreBasisPoints: null, rank: null, rankedAmong: null };
}

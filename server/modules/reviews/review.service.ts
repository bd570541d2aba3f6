import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { z } from 'zod';
import type { ReviewBoard, ReviewItem, reviewInputSchema } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { userNames } from '../../platform/tenancy/tenancy.js';
import { applicantNames } from '../ecosystem/index.js';
import { findApplication, programOf, type ApplicationRow, type Scope } from '../programs/index.js';
import { readsReviewers, reviewPolicy } from './reviews.policies.js';
import { approvalPreview } from './approval-preview.js';
import { answerVersions, applicationDecisions, reviewAssignments } from './reviews.tables.js';
import { answerChanges, checkScores, spreadOf, totalBasisPoints } from './scoring.js';
import { reviewedSettings, settingsOf } from './settings.js';
import { loadVisible, pendingApprover } from './transitions.js';

type ReviewInput = z.output<typeof reviewInputSchema>;

/** An assigned reviewer scores the application against the rubric (once per round). */
export async function submitReview(tx: Tx, scope: Scope, applicationId: string, input: ReviewInput) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'review', subject);
  const settings = await reviewedSettings(tx, app);
  if (app.status !== 'in_review') throw new AppError('ILLEGAL_TRANSITION');
  const problems = checkScores(settings.rubric, input.scores);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const total = totalBasisPoints(settings.rubric, input.scores);
  const [row] = await tx
    .update(reviewAssignments)
    .set({
      status: 'submitted',
      scores: input.scores,
      totalBasisPoints: total,
      comment: input.comment,
      recommendation: input.recommendation,
      submittedAt: new Date(),
    })
    .where(
      and(
        eq(reviewAssignments.hubId, scope.hub.id),
        eq(reviewAssignments.applicationId, app.id),
        eq(reviewAssignments.reviewerId, scope.actor.userId!),
        eq(reviewAssignments.status, 'assigned'),
      ),
    )
    .returning();
  if (!row) throw new AppError('ILLEGAL_TRANSITION');
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'review.submitted',
    subjectType: 'application',
    subjectId: app.id,
    payload: { round: row.round, totalBasisPoints: total, recommendation: input.recommendation },
  });
  return row;
}

const decidedStates = ['approved', 'rejected', 'returned', 'awarded', 'in_payment', 'closed', 'appealed'];

/**
 * The reviews of an application. Officers see every reviewer by name, the conflicts and
 * the spread; a reviewer sees their own review; the applicant sees the decisions' reasons
 * and, once decided and if the program allows, the scores without who gave them.
 */
export async function reviewBoard(db: Tx, scope: Scope, applicationId: string): Promise<ReviewBoard> {
  const { app, subject } = await loadVisible(db, scope, applicationId);
  const { settings } = await settingsOf(db, app);
  const officer = readsReviewers(scope.actor, subject);
  const staff = reviewPolicy.can(scope.actor, 'read', { own: false, assigned: false });
  const rows = await db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, scope.hub.id), eq(reviewAssignments.applicationId, app.id)))
    .orderBy(asc(reviewAssignments.round), asc(reviewAssignments.submittedAt));
  const names = officer
    ? await userNames(
        db,
        rows.map((r) => r.reviewerId),
      )
    : new Map<string, string>();
  const submitted = rows.filter((r) => r.status === 'submitted');
  const visible =
    officer || staff
      ? submitted
      : subject.assigned
        ? submitted.filter((r) => r.reviewerId === scope.actor.userId)
        : settings.scoresVisibleToApplicant && decidedStates.includes(app.status)
          ? submitted
          : [];
  const applicantView = !officer && !staff && !subject.assigned;
  const decisions = await db
    .select()
    .from(applicationDecisions)
    .where(and(eq(applicationDecisions.hubId, scope.hub.id), eq(applicationDecisions.applicationId, app.id)))
    .orderBy(asc(applicationDecisions.createdAt), asc(applicationDecisions.id));
  const reviews = visible.map((r) => ({
    reviewer: officer ? (names.get(r.reviewerId) ?? null) : null,
    round: r.round,
    scores: r.scores as Record<string, number>,
    totalPercent: r.totalBasisPoints! / 100,
    comment: applicantView ? null : r.comment,
    recommendation: applicantView ? null : (r.recommendation as 'approve' | 'reject' | 'return'),
    submittedAt: r.submittedAt!.toISOString(),
  }));
  const firstApprover = await pendingApprover(db, app);
  return {
    status: app.status as ReviewBoard['status'],
    rubric: settings.rubric,
    assignments: officer
      ? rows.map((r) => ({
          reviewerId: r.reviewerId,
          reviewerName: names.get(r.reviewerId) ?? '',
          round: r.round,
          status: r.status as 'assigned',
          conflict: (r.conflict as ReviewBoard['assignments'][number]['conflict']) ?? null,
        }))
      : [],
    reviews,
    spread:
      officer || staff
        ? spreadOf(
            settings.rubric,
            visible.map((r) => ({ scores: r.scores as Record<string, number>, totalBasisPoints: r.totalBasisPoints! })),
          )
        : [],
    decisions: decisions.map((d) => ({ outcome: d.outcome, reason: d.reason, decidedBy: officer ? d.decidedBy : null, at: d.createdAt.toISOString() })),
    secondApprovalRequired: firstApprover !== null,
    approval: reviewPolicy.can(scope.actor, 'decide', subject) ? await approvalPreview(db, app, settings, firstApprover) : null,
  };
}

/** A reviewer's queue: applications assigned to them, open ones first. */
/**
 * The caller's queue: one entry per application (the latest round they sit in), those still
 * to score first, then by application, oldest first (ids are time-ordered); a page at a time.
 */
export async function reviewQueue(db: Db | Tx, scope: Scope, page: CursorQuery): Promise<CursorPage<ReviewItem>> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const key = readCursor(page.next, 2);
  const sitting = inArray(reviewAssignments.status, ['assigned', 'submitted']);
  const mine = await db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.hubId, scope.hub.id),
        eq(reviewAssignments.reviewerId, scope.actor.userId),
        sitting,
        // Only the latest round they sit in; and never an application they are conflicted in, in
        // any round (as `isAssigned` rules: a conflicted reviewer never sees it again).
        sql`NOT EXISTS (SELECT 1 FROM review_assignments other WHERE other.hub_id = ${reviewAssignments.hubId}
          AND other.application_id = ${reviewAssignments.applicationId} AND other.reviewer_id = ${reviewAssignments.reviewerId}
          AND (other.status = 'conflicted' OR (other.round > ${reviewAssignments.round} AND other.status IN ('assigned', 'submitted'))))`,
        key ? after([reviewAssignments.status, reviewAssignments.applicationId], key) : undefined,
      ),
    )
    .orderBy(asc(reviewAssignments.status), asc(reviewAssignments.applicationId))
    .limit(page.limit + 1);
  const paged = pageOf(mine, page.limit, (a) => [a.status, a.applicationId]);
  const items: ReviewItem[] = [];
  for (const a of paged.items) items.push(await itemOf(db, await findApplication(db, scope.hub.id, a.applicationId), a.round, a.status as 'assigned'));
  return { items, next: paged.next };
}

/** One application as its reviewer sees it: the answers, what changed since the last version, the rubric. */
export async function reviewItem(db: Db | Tx, scope: Scope, applicationId: string): Promise<ReviewItem> {
  const { app, subject } = await loadVisible(db, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'review', subject);
  const [mine] = await db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, scope.hub.id), eq(reviewAssignments.applicationId, app.id), eq(reviewAssignments.reviewerId, scope.actor.userId!)))
    .orderBy(desc(reviewAssignments.round));
  return itemOf(db, app, mine!.round, mine!.status as 'assigned');
}

async function itemOf(db: Db | Tx, app: ApplicationRow, round: number, assignment: 'assigned' | 'submitted'): Promise<ReviewItem> {
  const { program } = await programOf(db, app);
  const { settings } = await settingsOf(db, app);
  const type = app.organizationId ? 'organization' : 'person';
  const id = (app.organizationId ?? app.personId)!;
  const name = (await applicantNames(db, app.hubId, type, [id])).get(id) ?? { zh: '', en: '' };
  return {
    applicationId: app.id,
    applicationNumber: app.number,
    programId: app.programId,
    programName: { zh: program.nameZh, en: program.nameEn },
    applicantName: name,
    status: app.status as ReviewItem['status'],
    round,
    assignment,
    answers: app.answers as Record<string, unknown>,
    changes: await latestChanges(db, app),
    rubric: settings.rubric,
  };
}

/** What the applicant changed in their last resubmission (nothing before one). */
export async function latestChanges(db: Db | Tx, app: ApplicationRow) {
  const versions = await db
    .select()
    .from(answerVersions)
    .where(and(eq(answerVersions.hubId, app.hubId), eq(answerVersions.applicationId, app.id)))
    .orderBy(asc(answerVersions.version));
  if (versions.length < 2) return [];
  return answerChanges(versions.at(-2)!.answers as Record<string, unknown>, versions.at(-1)!.answers as Record<string, unknown>);
}

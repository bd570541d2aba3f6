import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ConflictReason } from '../../../contracts/reviews.js';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { usersWithRole } from '../../platform/tenancy/tenancy.js';
import { findConflicts, memberRoleOf, personIdsOfUsers } from '../ecosystem/index.js';
import type { ApplicationRow, Scope } from '../programs/index.js';
import { reviewPolicy } from './reviews.policies.js';
import { reviewAssignments } from './reviews.tables.js';
import { addMonths, reviewedSettings } from './settings.js';
import { actorFor, fire, loadVisible } from './transitions.js';
import { localToday } from '../../platform/hub-time.js';

type Candidate = { userId: string; conflict: ConflictReason | null };

/**
 * Assigns the program's N reviewers to an application (a submitted one is screened
 * first; an appealed one gets a new round with reviewers who sat in no earlier round; a
 * resubmitted one goes back to the last round's reviewers).
 * Conflicted reviewers are excluded with the reason on record; the rest are taken by
 * lowest open load, then by id. Assignments in one hub are serialised by an advisory
 * lock so loads stay balanced under concurrency.
 */
export async function assignReviewers(tx: Tx, scope: Scope, applicationId: string, now = new Date()) {
  const { app: loaded, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'assign', subject);
  const settings = await reviewedSettings(tx, loaded);
  let app = loaded;
  if (app.status === 'submitted') app = await fire(tx, scope, app, 'screen', actorFor(scope, subject, 'officer'), null);
  if (app.status !== 'screening' && app.status !== 'appealed') throw new AppError('ILLEGAL_TRANSITION');

  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('review-assign'), hashtext(${scope.hub.id}))`);
  const earlier = await tx
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, scope.hub.id), eq(reviewAssignments.applicationId, app.id)));
  const round = earlier.reduce((m, a) => Math.max(m, a.round), 0) + 1;
  const sat = new Set(earlier.map((a) => a.reviewerId));

  const candidates = await screenReviewers(tx, scope, app, settings.conflictYears, now);
  // An appeal goes to reviewers who sat in no earlier round; a resubmission goes back to
  // the last round's reviewers first (they see what changed), then to the least loaded.
  const appeal = app.status === 'appealed';
  const last = earlier.filter((a) => a.round === round - 1 && a.status !== 'conflicted').map((a) => a.reviewerId);
  const everConflicted = new Set(earlier.filter((a) => a.status === 'conflicted').map((a) => a.reviewerId));
  const free = candidates.filter((c) => !c.conflict && !everConflicted.has(c.userId) && !(appeal && sat.has(c.userId)));
  const again = appeal ? [] : last.filter((id) => free.some((c) => c.userId === id));
  const rest = await byLoad(
    tx,
    scope.hub.id,
    free.map((c) => c.userId).filter((id) => !again.includes(id)),
  );
  const chosen = [...again, ...rest].slice(0, settings.reviewersPerApplication);
  if (chosen.length < settings.reviewersPerApplication) throw new AppError('NOT_ENOUGH_REVIEWERS');

  const conflicted = candidates.filter((c) => c.conflict && !sat.has(c.userId));
  const rows = [
    ...chosen.map((userId) => ({ hubId: scope.hub.id, applicationId: app.id, round, reviewerId: userId, status: 'assigned' })),
    ...conflicted.map((c) => ({ hubId: scope.hub.id, applicationId: app.id, round, reviewerId: c.userId, status: 'conflicted', conflict: c.conflict })),
  ];
  await tx.insert(reviewAssignments).values(rows);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'review.assigned',
    subjectType: 'application',
    subjectId: app.id,
    payload: {
      round,
      reviewers: chosen,
      excluded: conflicted.map((c) => ({
        reviewer: c.userId,
        kind: c.conflict!.kind,
        relation: c.conflict!.relation,
        organization: c.conflict!.organizationId,
      })),
    },
  });
  await fire(tx, scope, app, 'assign', 'officer', null);
  return tx
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, scope.hub.id), eq(reviewAssignments.applicationId, app.id), eq(reviewAssignments.round, round)));
}

/** Every reviewer of the hub with the first conflict found for this application, if any. */
async function screenReviewers(tx: Tx, scope: Scope, app: ApplicationRow, years: number, now: Date): Promise<Candidate[]> {
  const pool = await usersWithRole(tx, scope.hub.id, 'reviewer');
  const persons = await personIdsOfUsers(
    tx,
    scope.hub.id,
    pool.map((p) => p.userId),
  );
  const since = addMonths(localToday(scope.hub.timeZone, now), -12 * years);
  const hits = await findConflicts(tx, scope.hub.id, {
    reviewers: [...persons.values()],
    organizations: app.organizationId ? [app.organizationId] : [],
    persons: app.personId ? [app.personId] : [],
    since,
  });
  const out: Candidate[] = [];
  for (const { userId } of pool) {
    const member = userId === app.submittedBy || (app.organizationId && (await memberRoleOf(tx, scope.hub.id, app.organizationId, userId)));
    const hit = hits.find((h) => h.reviewerPersonId === persons.get(userId));
    const conflict: ConflictReason | null = member
      ? { kind: 'member', relation: null, organizationId: app.organizationId, note: null }
      : hit
        ? { kind: hit.kind, relation: hit.relation, organizationId: hit.organizationId, note: null }
        : null;
    out.push({ userId, conflict });
  }
  return out;
}

/** Reviewers ordered by how many reviews they have open in the hub, then by id. */
async function byLoad(tx: Tx, hubId: string, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const loads = await tx
    .select({ reviewerId: reviewAssignments.reviewerId, open: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, hubId), eq(reviewAssignments.status, 'assigned'), inArray(reviewAssignments.reviewerId, userIds)))
    .groupBy(reviewAssignments.reviewerId);
  const load = new Map(loads.map((l) => [l.reviewerId, l.open]));
  return [...userIds].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : 1));
}

/**
 * A reviewer declares a conflict: their assignment becomes conflicted (with the note),
 * they lose sight of the application, and the least-loaded free reviewer takes the seat
 * when there is one.
 */
export async function declareConflict(tx: Tx, scope: Scope, applicationId: string, note: string, now = new Date()) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'review', subject);
  const [mine] = await tx
    .update(reviewAssignments)
    .set({ status: 'conflicted', conflict: { kind: 'declared', relation: null, organizationId: null, note } satisfies ConflictReason })
    .where(
      and(
        eq(reviewAssignments.hubId, scope.hub.id),
        eq(reviewAssignments.applicationId, app.id),
        eq(reviewAssignments.reviewerId, scope.actor.userId!),
        eq(reviewAssignments.status, 'assigned'),
      ),
    )
    .returning();
  if (!mine) throw new AppError('ILLEGAL_TRANSITION');
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'review.conflict_declared',
    subjectType: 'application',
    subjectId: app.id,
    payload: { round: mine.round },
  });

  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('review-assign'), hashtext(${scope.hub.id}))`);
  const settings = await reviewedSettings(tx, app);
  const all = await tx
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, scope.hub.id), eq(reviewAssignments.applicationId, app.id)));
  const sat = new Set(all.map((a) => a.reviewerId));
  const free = (await screenReviewers(tx, scope, app, settings.conflictYears, now)).filter((c) => !c.conflict && !sat.has(c.userId));
  const [next] = await byLoad(
    tx,
    scope.hub.id,
    free.map((c) => c.userId),
  );
  if (next) {
    await tx.insert(reviewAssignments).values({ hubId: scope.hub.id, applicationId: app.id, round: mine.round, reviewerId: next, status: 'assigned' });
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'review.reassigned',
      subjectType: 'application',
      subjectId: app.id,
      payload: { round: mine.round, reviewer: next },
    });
  }
  return mine;
}

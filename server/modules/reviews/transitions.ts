import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ApplicationStatus, WorkflowEvent } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import {
  findApplication,
  applicationStanding,
  moveApplication,
  type ApplicationColumns,
  type ApplicationPatch,
  type ApplicationRow,
  type Scope,
} from '../programs/index.js';
import { reviewPolicy, type ReviewSubject } from './reviews.policies.js';
import { applicationDecisions, applicationTransitions, reviewAssignments } from './reviews.tables.js';
import { nextState, type ActorKind } from './workflow.js';

export type Loaded = { app: ApplicationRow; subject: ReviewSubject };

/** The application as the caller may see it: 404 unless own, staff, or an unconflicted reviewer of it. */
export async function loadVisible(db: Db | Tx, scope: Scope, id: string): Promise<Loaded> {
  const app = await findApplication(db, scope.hub.id, id);
  const subject = await reviewSubjectOf(db, scope, app);
  reviewPolicy.authorize(scope.actor, 'read', subject);
  return { app, subject };
}

/** The caller's place in an application's review: its standing (reads, acts for the applicant) and whether they review it. */
export async function reviewSubjectOf(db: Db | Tx, scope: Scope, app: ApplicationRow): Promise<Required<ReviewSubject>> {
  const { reads, acts } = await applicationStanding(db, app, scope.actor.userId);
  return { own: reads, acts, assigned: await isAssigned(db, scope.hub.id, app.id, scope.actor.userId) };
}

export async function isAssigned(db: Db | Tx, hubId: string, applicationId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const rows = await db
    .select({ status: reviewAssignments.status })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.hubId, hubId), eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.reviewerId, userId)));
  // A reviewer conflicted in any round never sees the application again.
  return rows.length > 0 && rows.every((r) => r.status !== 'conflicted');
}

/**
 * The two-person rule, in one place: who approved first while the approval waits for its
 * second approver, else NULL. The application is `approved` and its latest decision (by
 * time, then id) is the first officer's `approve`. One SQL expression, so that a list reads
 * it in the same query as its rows (registered with the programs module) and one
 * application reads it the same way (`pendingApprover`).
 */
export function pendingApproverSql(app: ApplicationColumns): SQL<string | null> {
  const d = applicationDecisions;
  return sql<string | null>`(CASE WHEN ${app.status} = 'approved' THEN (
    SELECT CASE WHEN ${d.outcome} = 'approve' THEN ${d.decidedBy} END FROM ${d}
    WHERE ${d.hubId} = ${app.hubId} AND ${d.applicationId} = ${app.id}
    ORDER BY ${d.createdAt} DESC, ${d.id} DESC LIMIT 1) END)`;
}

/** Who approved first, when an approval waits for its second approver. */
export async function pendingApprover(db: Db | Tx, app: ApplicationRow): Promise<string | null> {
  if (app.status !== 'approved') return null;
  const rule = pendingApproverSql({ hubId: sql`${app.hubId}::uuid`, id: sql`${app.id}::uuid`, status: sql`${app.status}::text` });
  const { rows } = await db.execute<{ by: string | null }>(sql`SELECT ${rule} AS by`);
  return rows[0]?.by ?? null;
}

const refusalCodes = {
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  FORBIDDEN: 'FORBIDDEN',
  OWN_APPLICATION: 'OWN_APPLICATION',
  SAME_APPROVER: 'SAME_APPROVER',
} as const;

/**
 * Fires one workflow event: asks the pure table, then moves the row only if it is still
 * in the state the decision was made on (a concurrent mover makes this one a 409), and
 * records the transition and an audit event in the same transaction.
 */
export async function fire(
  tx: Tx,
  scope: Scope,
  app: ApplicationRow,
  event: WorkflowEvent,
  actor: ActorKind,
  reason: string | null,
  patch: ApplicationPatch = {},
): Promise<ApplicationRow> {
  const from = app.status as ApplicationStatus;
  const result = nextState(from, event, actor, {
    actorId: scope.actor.userId,
    ownApplication: actor !== 'applicant' && actor !== 'system' && (await applicationStanding(tx, app, scope.actor.userId)).reads,
    firstApproverId: await pendingApprover(tx, app),
  });
  if (!result.ok) throw new AppError(refusalCodes[result.refusal]);
  const moved = await moveApplication(tx, scope.hub.id, app.id, from, result.to, patch);
  if (!moved) throw new AppError('ILLEGAL_TRANSITION');
  await tx
    .insert(applicationTransitions)
    .values({ hubId: scope.hub.id, id: uuidv7(), applicationId: app.id, fromStatus: from, toStatus: result.to, event, actorId: scope.actor.userId, reason });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: `application.${event}`,
    subjectType: 'application',
    subjectId: app.id,
    payload: { from, to: result.to, reason },
  });
  return moved;
}

/** The actor kind an event needs, if the caller has it; otherwise 404 or 403 as the policy says. */
export function actorFor(scope: Scope, subject: ReviewSubject, kind: ActorKind): ActorKind {
  const action = kind === 'applicant' ? 'act_as_applicant' : kind === 'finance' ? 'pay' : 'decide';
  reviewPolicy.authorize(scope.actor, action, subject);
  return kind;
}

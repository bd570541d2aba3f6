import { and, asc, eq, sql } from 'drizzle-orm';
import type { HistoryEvent } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { checkRevisedAnswers, type Scope } from '../programs/index.js';
import { answerVersions, applicationTransitions } from './reviews.tables.js';
import { reviewedSettings } from './settings.js';
import { systemReasonCode } from './system-reasons.js';
import { actorFor, fire, loadVisible } from './transitions.js';

/** The applicant withdraws (any state before a decision, or while returned or appealed). */
export async function withdrawApplication(tx: Tx, scope: Scope, applicationId: string, reason: string) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  // A withdrawn application no longer holds the applicant's one place in the program.
  return fire(tx, scope, app, 'withdraw', actorFor(scope, subject, 'applicant'), reason, { onceKey: null });
}

/**
 * The applicant changes a returned application and sends it again. The answers before
 * and after are kept as versions, so reviewers see what changed.
 */
export async function resubmitApplication(tx: Tx, scope: Scope, applicationId: string, answers: Record<string, unknown>, reason: string) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  const actor = actorFor(scope, subject, 'applicant');
  await reviewedSettings(tx, app);
  await checkRevisedAnswers(tx, app, answers, scope.actor.userId);
  const moved = await fire(tx, scope, app, 'resubmit', actor, reason || null, { answers });
  const [{ last }] = (await tx
    .select({ last: sql<number>`coalesce(max(${answerVersions.version}), 0)::int` })
    .from(answerVersions)
    .where(and(eq(answerVersions.hubId, scope.hub.id), eq(answerVersions.applicationId, app.id)))) as [{ last: number }];
  const rows = [];
  if (last === 0) rows.push({ hubId: scope.hub.id, applicationId: app.id, version: 1, answers: app.answers, createdBy: app.submittedBy });
  rows.push({ hubId: scope.hub.id, applicationId: app.id, version: Math.max(last, 1) + 1, answers, createdBy: scope.actor.userId });
  await tx.insert(answerVersions).values(rows);
  return moved;
}

/** The applicant appeals a rejection; an officer then assigns a new round of different reviewers. */
export async function appealDecision(tx: Tx, scope: Scope, applicationId: string, reason: string) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  await reviewedSettings(tx, app);
  return fire(tx, scope, app, 'appeal', actorFor(scope, subject, 'applicant'), reason);
}

/** An officer takes a submitted application into screening. */
export async function screenApplication(tx: Tx, scope: Scope, applicationId: string) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  await reviewedSettings(tx, app);
  return fire(tx, scope, app, 'screen', actorFor(scope, subject, 'officer'), null);
}

/** Every status change of the application, oldest first (reasons included; actors for staff only). */
export async function applicationHistory(db: Db | Tx, scope: Scope, applicationId: string) {
  const { app } = await loadVisible(db, scope, applicationId);
  const rows = await db
    .select()
    .from(applicationTransitions)
    .where(and(eq(applicationTransitions.hubId, scope.hub.id), eq(applicationTransitions.applicationId, app.id)))
    .orderBy(asc(applicationTransitions.createdAt), asc(applicationTransitions.id));
  return rows.map((r) => ({
    from: r.fromStatus,
    to: r.toStatus,
    event: r.event as HistoryEvent,
    reason: r.reason,
    reasonCode: systemReasonCode(r.reason),
    amount: r.amount?.toString() ?? null,
    at: r.createdAt.toISOString(),
  }));
}

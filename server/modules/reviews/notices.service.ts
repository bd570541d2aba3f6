import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { addWorkingDays } from '../../platform/working-days.js';
import { release } from '../budget/index.js';
import type { ApplicationRow, Scope } from '../programs/index.js';
import { awardTranches, milestoneReports } from './awards.tables.js';
import { noticeObjections, publicNotices } from './notices.tables.js';
import { applicationDecisions } from './reviews.tables.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * Public notice (公示): an award of a program with a notice period goes on the hub's
 * board with its amount and the decision's reason, and is paid only once the period has
 * ended (working days in the hub's calendar) and every objection lodged is resolved.
 */

/** Puts a fresh award on the notice board (its tranches wait; see createAward). */
export async function openNotice(tx: Tx, scope: Scope, app: ApplicationRow, workingDays: number, now: Date): Promise<void> {
  const startsOn = localToday(scope.hub.timeZone, now);
  const endsOn = addWorkingDays(scope.hub, startsOn, workingDays);
  const [decision] = await tx
    .select({ reason: applicationDecisions.reason })
    .from(applicationDecisions)
    .where(and(eq(applicationDecisions.hubId, app.hubId), eq(applicationDecisions.applicationId, app.id)))
    .orderBy(desc(applicationDecisions.createdAt), desc(applicationDecisions.id))
    .limit(1);
  const id = uuidv7();
  await tx.insert(publicNotices).values({ hubId: app.hubId, id, applicationId: app.id, startsOn, endsOn, reason: decision?.reason ?? '' });
  await recordAudit(tx, {
    hubId: app.hubId,
    actorId: scope.actor.userId,
    action: 'notice.opened',
    subjectType: 'application',
    subjectId: app.id,
    payload: { noticeId: id, startsOn, endsOn },
  });
}

/** When the award may not be paid yet: the last day of its notice, or that objections are open. */
export async function noticeHold(db: Db | Tx, hubId: string, applicationId: string, today: string): Promise<{ endsOn: string; openObjections: number } | null> {
  const { rows } = await db.execute<{ ends_on: string; open: number }>(sql`
    SELECT n.ends_on::text AS ends_on,
      (SELECT count(*)::int FROM notice_objections o WHERE o.hub_id = n.hub_id AND o.notice_id = n.id AND o.status = 'open') AS open
    FROM public_notices n
    WHERE n.hub_id = ${hubId} AND n.application_id = ${applicationId} AND n.status = 'open'`);
  const row = rows[0];
  if (!row) return null;
  return row.ends_on >= today || row.open > 0 ? { endsOn: row.ends_on, openObjections: row.open } : null;
}

/** Refuses a payment while the award is on notice or objected to (409 NOTICE_PENDING). */
export async function requireNoticeCleared(tx: Tx, scope: Scope, applicationId: string, now: Date): Promise<void> {
  if (await noticeHold(tx, scope.hub.id, applicationId, localToday(scope.hub.timeZone, now))) throw new AppError('NOTICE_PENDING');
}

/** Whether the application's award was once reopened (a new award then needs a new commitment id). */
export async function wasReopened(db: Db | Tx, hubId: string, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: publicNotices.id })
    .from(publicNotices)
    .where(and(eq(publicNotices.hubId, hubId), eq(publicNotices.applicationId, applicationId), eq(publicNotices.status, 'reopened')))
    .limit(1);
  return Boolean(row);
}

/**
 * An objection upheld: the award, never paid while on notice, is undone. Its commitment
 * goes back to the line, its schedule and reports are dropped (nothing was paid or
 * reported on them), the notice is closed as reopened and its other open objections
 * are moot. The caller moves the application back to review.
 */
export async function undoNoticedAward(tx: Tx, scope: Scope, app: ApplicationRow, noticeId: string, reason: string): Promise<void> {
  const caller = { hubId: scope.hub.id, actorId: scope.actor.userId };
  if (app.commitmentId) await release(tx, caller, { transferId: uuidv7(), commitmentId: app.commitmentId });
  const paid = await tx
    .select({ seq: awardTranches.seq })
    .from(awardTranches)
    .where(and(eq(awardTranches.hubId, app.hubId), eq(awardTranches.applicationId, app.id), eq(awardTranches.status, 'paid')));
  if (paid.length) throw new AppError('ILLEGAL_TRANSITION');
  await tx.delete(awardTranches).where(and(eq(awardTranches.hubId, app.hubId), eq(awardTranches.applicationId, app.id)));
  await tx.delete(milestoneReports).where(and(eq(milestoneReports.hubId, app.hubId), eq(milestoneReports.applicationId, app.id)));
  await tx
    .update(publicNotices)
    .set({ status: 'reopened' })
    .where(and(eq(publicNotices.hubId, app.hubId), eq(publicNotices.id, noticeId)));
  await tx
    .update(noticeObjections)
    .set({ status: 'moot', resolution: reason, resolvedBy: scope.actor.userId, resolvedAt: new Date() })
    .where(and(eq(noticeObjections.hubId, app.hubId), eq(noticeObjections.noticeId, noticeId), eq(noticeObjections.status, 'open')));
}

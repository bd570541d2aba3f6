import { and, eq, inArray, lte } from 'drizzle-orm';
import { reportFileTypes } from '../../../contracts/files.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { requireOwnFiles } from '../../platform/files/index.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { usersOfApplicants } from '../ecosystem/index.js';
import { notify } from '../../platform/notifications/index.js';
import { findApplication, type Scope } from '../programs/index.js';
import { awardOf } from './awards.service.js';
import { milestoneReports } from './awards.tables.js';
import { payMetConditions } from './conditions.service.js';
import { reviewPolicy } from './reviews.policies.js';
import { loadVisible } from './transitions.js';
import { localToday } from '../../platform/hub-time.js';

const open = ['awarded', 'in_payment'];

/**
 * The awardee reports on a milestone (due or returned), with files they uploaded here
 * (a resubmission's list replaces the earlier one); the officer then accepts or returns it.
 */
export async function submitMilestoneReport(
  tx: Tx,
  scope: Scope,
  applicationId: string,
  key: string,
  input: { text: string; kpis: Record<string, number>; attachments: readonly string[] },
) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'act_as_applicant', subject);
  if (!open.includes(app.status)) throw new AppError('ILLEGAL_TRANSITION');
  const attachments = await requireOwnFiles(tx, scope.hub.id, scope.actor.userId!, input.attachments, 'attachments', reportFileTypes);
  const [row] = await tx
    .update(milestoneReports)
    .set({ status: 'submitted', text: input.text, kpis: input.kpis, attachments, submittedBy: scope.actor.userId, submittedAt: new Date() })
    .where(
      and(
        eq(milestoneReports.hubId, scope.hub.id),
        eq(milestoneReports.applicationId, app.id),
        eq(milestoneReports.key, key),
        inArray(milestoneReports.status, ['due', 'returned']),
      ),
    )
    .returning();
  if (!row) throw (await reportExists(tx, scope.hub.id, app.id, key)) ? new AppError('ILLEGAL_TRANSITION') : notFound();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'milestone.submitted',
    subjectType: 'application',
    subjectId: app.id,
    payload: { milestone: key, kpis: input.kpis, attachments },
  });
  return awardOf(tx, app.id, scope);
}

/** The officer accepts a report (tranches waiting on it are paid at once) or returns it with a note. */
export async function reviewMilestoneReport(
  tx: Tx,
  scope: Scope,
  applicationId: string,
  key: string,
  input: { outcome: 'accept' | 'return'; note: string },
  now = new Date(),
) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'accept_report', subject);
  const [row] = await tx
    .update(milestoneReports)
    .set({ status: input.outcome === 'accept' ? 'accepted' : 'returned', reviewedBy: scope.actor.userId, note: input.note || null })
    .where(
      and(
        eq(milestoneReports.hubId, scope.hub.id),
        eq(milestoneReports.applicationId, app.id),
        eq(milestoneReports.key, key),
        eq(milestoneReports.status, 'submitted'),
      ),
    )
    .returning();
  if (!row) throw (await reportExists(tx, scope.hub.id, app.id, key)) ? new AppError('ILLEGAL_TRANSITION') : notFound();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: `milestone.${input.outcome === 'accept' ? 'accepted' : 'returned'}`,
    subjectType: 'application',
    subjectId: app.id,
    payload: { milestone: key },
  });
  if (input.outcome === 'accept')
    await payMetConditions(tx, { hub: scope.hub, actor: { userId: null, hubRoles: [] } }, await findApplication(tx, scope.hub.id, app.id), now);
  return awardOf(tx, app.id, scope);
}

async function reportExists(db: Db | Tx, hubId: string, applicationId: string, key: string) {
  const [row] = await db
    .select({ key: milestoneReports.key })
    .from(milestoneReports)
    .where(and(eq(milestoneReports.hubId, hubId), eq(milestoneReports.applicationId, applicationId), eq(milestoneReports.key, key)));
  return Boolean(row);
}

/**
 * Reminders: the awardee's users get one in-app notice when a report falls due within
 * `daysAhead` days, and one more once it is overdue.
 */
export async function remindMilestones(db: Db, hub: HubRow, now = new Date(), daysAhead = 14): Promise<number> {
  const today = localToday(hub.timeZone, now);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const due = await db
    .select()
    .from(milestoneReports)
    .where(and(eq(milestoneReports.hubId, hub.id), inArray(milestoneReports.status, ['due', 'returned']), lte(milestoneReports.dueOn, horizon)));
  let sent = 0;
  for (const r of due) {
    sent += await withTransaction(db, async (tx) => {
      const app = await findApplication(tx, hub.id, r.applicationId);
      if (!open.includes(app.status)) return 0;
      const type = app.organizationId ? 'organization' : 'person';
      const users = new Set([app.submittedBy, ...(await usersOfApplicants(tx, hub.id, type, [(app.organizationId ?? app.personId)!])).map((u) => u.userId)]);
      const kind = `milestone_${r.dueOn < today ? 'overdue' : 'due'}:${r.key}`;
      const title =
        r.dueOn < today
          ? { zh: `阶段报告已逾期（${r.dueOn}）`, en: `A report is overdue (${r.dueOn})` }
          : { zh: `阶段报告将于 ${r.dueOn} 到期`, en: `A report is due on ${r.dueOn}` };
      const rows = [...users].map((userId) => ({
        userId,
        kind,
        subjectType: 'application',
        subjectId: app.id,
        payload: { milestone: r.key, dueOn: r.dueOn, title, link: `/hubs/${hub.slug}/applications/${app.id}` },
      }));
      return (await notify(tx, hub.id, rows)).length;
    });
  }
  return sent;
}

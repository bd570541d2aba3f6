import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { OutcomeFigures, OutcomeReport, OutcomeReportStatus, SubmitOutcomeReportInput } from '../../../contracts/obligations.js';
import { reportFileTypes } from '../../../contracts/files.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { attachedFiles, carriedFile, requireOwnFiles } from '../../platform/files/index.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { applicationStanding, findApplication, type ApplicationRow, type Scope } from '../programs/index.js';
import { addDays } from './dates.js';
import { REPORT_GRACE_DAYS } from './obligation-checks.js';
import { findingPolicy, type FindingSubject } from './obligations.policies.js';
import { obligationReports } from './obligations.tables.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * Outcome reports: under a report_outcomes obligation the awardee owes one a year (the
 * daily check records their due dates and reminds two weeks ahead). The awardee submits
 * each once, with what the award achieved and dated figures; a report still missing
 * 30 days after its due date becomes a finding. Staff read them; anyone else gets 404.
 */
const REMIND_DAYS = 14;

async function loadAward(db: Db | Tx, scope: Scope, applicationId: string): Promise<{ app: ApplicationRow; subject: FindingSubject }> {
  const app = await findApplication(db, scope.hub.id, applicationId);
  const { reads, acts } = await applicationStanding(db, app, scope.actor.userId);
  // An awardee reads their own reports whatever the findings say: reports are theirs to write.
  const subject = { own: reads, acts, decided: true };
  findingPolicy.authorize(scope.actor, 'read', subject);
  return { app, subject };
}

function statusOf(dueOn: string, submitted: boolean, today: string): OutcomeReportStatus {
  if (submitted) return 'submitted';
  if (today > dueOn) return 'overdue';
  return today >= addDays(dueOn, -REMIND_DAYS) ? 'due' : 'upcoming';
}

/** The award's reports in due-date order, cursor-paged. */
export async function listOutcomeReports(
  db: Db | Tx,
  scope: Scope,
  applicationId: string,
  query: CursorQuery,
  now = new Date(),
): Promise<CursorPage<OutcomeReport>> {
  const { subject } = await loadAward(db, scope, applicationId);
  const canReport = findingPolicy.can(scope.actor, 'report', subject);
  const today = localToday(scope.hub.timeZone, now);
  const key = readCursor(query.next, 2);
  const rows = await db
    .select()
    .from(obligationReports)
    .where(
      and(
        eq(obligationReports.hubId, scope.hub.id),
        eq(obligationReports.applicationId, applicationId),
        key ? after([obligationReports.dueOn, obligationReports.obligationKey], key) : undefined,
      ),
    )
    .orderBy(asc(obligationReports.dueOn), asc(obligationReports.obligationKey))
    .limit(query.limit + 1);
  const files = await filesOf(db, scope, rows);
  return pageOf(
    rows,
    query.limit,
    (r) => [r.dueOn, r.obligationKey],
    (r) => present(r, today, canReport, files),
  );
}

type ReportRow = typeof obligationReports.$inferSelect;
type Files = Map<string, OutcomeReport['attachments'][number]>;

/** The files the reports carry, read once for all of them. */
const filesOf = async (db: Db | Tx, scope: Scope, rows: readonly ReportRow[]): Promise<Files> =>
  new Map(
    (
      await attachedFiles(
        db,
        scope.hub.id,
        rows.flatMap((r) => r.attachments),
      )
    ).map((f) => [f.id, f]),
  );

const present = (r: ReportRow, today: string, canReport: boolean, files: Files): OutcomeReport => ({
  obligationKey: r.obligationKey,
  dueOn: r.dueOn,
  status: statusOf(r.dueOn, r.submittedAt !== null, today),
  text: r.text,
  figures: (r.figures as OutcomeFigures | null) ?? null,
  attachments: r.attachments.flatMap((id) => files.get(id) ?? []),
  submittedAt: r.submittedAt?.toISOString() ?? null,
  canSubmit: canReport && r.submittedAt === null,
});

/** The awardee submits one report, once, with files they uploaded here; a second submission (or a racing one) is 409. */
export async function submitOutcomeReport(
  tx: Tx,
  scope: Scope,
  applicationId: string,
  key: { obligationKey: string; dueOn: string },
  input: SubmitOutcomeReportInput,
): Promise<OutcomeReport> {
  const { app, subject } = await loadAward(tx, scope, applicationId);
  findingPolicy.authorize(scope.actor, 'report', subject);
  const where = and(
    eq(obligationReports.hubId, scope.hub.id),
    eq(obligationReports.applicationId, app.id),
    eq(obligationReports.obligationKey, key.obligationKey),
    eq(obligationReports.dueOn, key.dueOn),
  );
  const attachments = await requireOwnFiles(tx, scope.hub.id, scope.actor.userId!, input.attachments, 'attachments', reportFileTypes);
  const [saved] = await tx
    .update(obligationReports)
    .set({ text: input.text, figures: input.figures, attachments, submittedBy: scope.actor.userId, submittedAt: new Date() })
    .where(and(where, isNull(obligationReports.submittedAt)))
    .returning();
  if (!saved) {
    const [exists] = await tx.select({ dueOn: obligationReports.dueOn }).from(obligationReports).where(where);
    if (!exists) throw notFound();
    throw new AppError('REPORT_SUBMITTED');
  }
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'obligation.report_submitted',
    subjectType: 'application',
    subjectId: app.id,
    payload: { key: key.obligationKey, dueOn: key.dueOn, attachments, late: localToday(scope.hub.timeZone) > addDays(key.dueOn, REPORT_GRACE_DAYS) },
  });
  return present(saved, localToday(scope.hub.timeZone), false, await filesOf(tx, scope, [saved]));
}

/**
 * One file a report carries, with its content, for whoever may read the award's reports (the
 * awardee's members and staff); 404 for anyone else, and for a file the report does not carry.
 */
export async function readOutcomeReportFile(db: Db | Tx, scope: Scope, applicationId: string, key: { obligationKey: string; dueOn: string }, fileId: string) {
  const { app } = await loadAward(db, scope, applicationId);
  const [report] = await db
    .select({ attachments: obligationReports.attachments })
    .from(obligationReports)
    .where(
      and(
        eq(obligationReports.hubId, scope.hub.id),
        eq(obligationReports.applicationId, app.id),
        eq(obligationReports.obligationKey, key.obligationKey),
        eq(obligationReports.dueOn, key.dueOn),
      ),
    );
  return carriedFile(db, scope.hub.id, report?.attachments ?? [], fileId);
}

import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../../platform/errors.js';
import { carriedFile } from '../../platform/files/index.js';
import { answeredFileIds, programOf, type Scope } from '../programs/index.js';
import { milestoneReports } from './awards.tables.js';
import { answerVersions } from './reviews.tables.js';
import { loadVisible } from './transitions.js';

/**
 * Files read through what carries them, for whoever may read that thing: the applicant's
 * members, the hub's staff and its unconflicted reviewers (`loadVisible`). Anyone else gets
 * 404, and so does a file the thing does not carry.
 */

/**
 * A file an application's answers name: in a file field of its form, in its answers now or
 * in an earlier version of them (a reviewer compares what changed), each checked when sent.
 */
export async function readApplicationFile(db: Db | Tx, scope: Scope, applicationId: string, fileId: string) {
  const { app } = await loadVisible(db, scope, applicationId);
  const { rules } = await programOf(db, app);
  const versions = await db
    .select({ answers: answerVersions.answers })
    .from(answerVersions)
    .where(and(eq(answerVersions.hubId, scope.hub.id), eq(answerVersions.applicationId, app.id)));
  const answered = [app.answers, ...versions.map((v) => v.answers)].flatMap((answers) => answeredFileIds(rules.form, answers as Record<string, unknown>));
  return carriedFile(db, scope.hub.id, answered, fileId);
}

/** A file a milestone report carries, for whoever may read the award (`getAward`). */
export async function readMilestoneReportFile(db: Db | Tx, scope: Scope, applicationId: string, key: string, fileId: string) {
  const { app } = await loadVisible(db, scope, applicationId);
  if (!app.commitmentId) throw notFound();
  const [report] = await db
    .select({ attachments: milestoneReports.attachments })
    .from(milestoneReports)
    .where(and(eq(milestoneReports.hubId, scope.hub.id), eq(milestoneReports.applicationId, app.id), eq(milestoneReports.key, key)));
  return carriedFile(db, scope.hub.id, report?.attachments ?? [], fileId);
}

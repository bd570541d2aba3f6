import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { companyStanding, memberOrganizationIdsSql } from '../ecosystem/index.js';
import type { ApplicationRow } from './file-application.js';
import { applications } from './programs.tables.js';

/**
 * The caller's standing on an application, the one rule every module asks (through
 * index.ts) before it shows an application or acts in the applicant's name:
 * - `reads`: the submitter, or any member of the applicant organisation (a "can view"
 *   colleague too). They read it and never judge it (OWN_APPLICATION).
 * - `acts`: may act for the applicant (edit or submit a draft, withdraw, resubmit a returned
 *   application, appeal, report on milestones and outcomes, appeal a finding). For a
 *   company's application that needs the caller's role now to be `owner` or `applicant`
 *   (`mayApplyFor`, as applying does), the submitter included; a person's application is
 *   its submitter's.
 * Whoever `reads` but does not `act` is refused with 403; whoever does not `read`, 404.
 */
export type ApplicationStanding = { reads: boolean; acts: boolean };

const noStanding: ApplicationStanding = { reads: false, acts: false };

export async function applicationStanding(db: Db | Tx, app: ApplicationRow, userId: string | null): Promise<ApplicationStanding> {
  if (!userId) return noStanding;
  const submitter = app.submittedBy === userId;
  if (!app.organizationId) return { reads: submitter, acts: submitter };
  const company = await companyStanding(db, app.hubId, app.organizationId, userId);
  return { reads: submitter || company.reads, acts: company.acts };
}

/**
 * The same `reads` as a condition over the applications table, for a list's own statement:
 * those the user submitted and those of the companies they are a member of.
 */
export function readsApplicationSql(hubId: string, userId: string): SQL {
  return or(eq(applications.submittedBy, userId), inArray(applications.organizationId, memberOrganizationIdsSql(hubId, userId)))!;
}

/** The ids of the hub's applications the user reads, as a subquery for another module's statement. */
export function readableApplicationIdsSql(hubId: string, userId: string): SQL<string> {
  return sql<string>`(SELECT ${applications.id} FROM ${applications} WHERE ${applications.hubId} = ${hubId} AND ${readsApplicationSql(hubId, userId)})`;
}

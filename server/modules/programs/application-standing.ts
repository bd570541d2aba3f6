import type { Db, Tx } from '../../db/connection.js';
import { companyStanding } from '../ecosystem/index.js';
import type { ApplicationRow } from './file-application.js';

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

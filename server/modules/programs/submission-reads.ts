import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { emailVerifiedSql } from '../../platform/auth/users.js';
import { AppError, notFound } from '../../platform/errors.js';
import { filesOwnedByJson } from '../../platform/files/index.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import type { OrgRole } from '../../../contracts/auth.js';
import { mayApplyFor } from '../ecosystem/index.js';
import type { Applicant } from './applications.service.js';
import { organizationWithPriorJson, organizationWithPriorOf, personWithPriorJson, personWithPriorOf, type PriorAwards } from './prior-awards.js';
import { programQuery, type LoadedProgram, type Scope } from './programs.service.js';
import { programs, programVersions } from './programs.tables.js';

export type SubmissionReads = LoadedProgram & { emailVerified: boolean | null; applicant: unknown; files: unknown };

/**
 * Everything a new application is judged on, in one statement: the program with its current
 * rules, whether the caller's address is confirmed, and the applicant those rules name (the
 * organisation given, with the caller's role in it, or the caller's own person record) with
 * their earlier awards and the awards already made on the claim the answers name (the
 * program's claim field picked from them in SQL, as `claimKeyOf` picks it), and the files
 * the answers name that the caller uploaded (`fileFactsOf`). Read the applicant with
 * `applicantOfSubmission`.
 */
export async function submissionReads(
  db: Db,
  hubId: string,
  programId: string,
  userId: string,
  input: { organizationId?: string | undefined; answers: Record<string, unknown> },
): Promise<SubmissionReads> {
  const answers = Object.fromEntries(Object.entries(input.answers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  const query = { claimKey: sql`(${JSON.stringify(answers)}::jsonb ->> ${programs.claimField})` };
  const organization = input.organizationId ? organizationWithPriorJson(hubId, input.organizationId, userId, query) : sql`NULL::json`;
  const applicant = sql<unknown>`CASE WHEN ${programVersions.rules} ->> 'applicantType' = 'organization'
    THEN ${organization} ELSE ${personWithPriorJson(hubId, userId, query)} END`;
  // The files among the answers the caller uploaded (which answers are files, the form says: checkAnswers).
  const files = filesOwnedByJson(
    hubId,
    userId,
    Object.values(input.answers).filter((v): v is string => typeof v === 'string'),
  );
  const [row] = await programQuery(db, hubId, programId, undefined, { emailVerified: emailVerifiedSql(userId), applicant, files });
  if (!row) throw notFound();
  return { program: row.program, rules: row.rules as ProgramRules, emailVerified: row.emailVerified, applicant: row.applicant, files: row.files };
}

/**
 * The applicant of a submission as read with its program: only a member applies for an
 * organisation, anyone else learns nothing of it (404) and a member who may only view it is
 * told so (403); a person applies only with a record in the hub.
 */
export function applicantOfSubmission(
  scope: Scope,
  rules: Pick<ProgramRules, 'applicantType'>,
  organizationId: string | undefined,
  read: unknown,
): { applicant: Applicant; prior: PriorAwards } {
  if (rules.applicantType === 'organization') {
    if (!organizationId) throw new AppError('VALIDATION_FAILED', [{ path: 'organizationId', code: 'REQUIRED' }]);
    const found = organizationWithPriorOf(read);
    if (!found?.role || !scope.actor.userId) throw notFound();
    if (!mayApplyFor(found.role as OrgRole)) throw new AppError('FORBIDDEN', [{ path: 'organizationId', code: 'INVALID' }]);
    return { applicant: { type: 'organization', record: found.record }, prior: found.prior };
  }
  const person = personWithPriorOf(read);
  if (!person) throw new AppError('VALIDATION_FAILED', [{ path: 'applicant', code: 'NOT_IN_HUB' }]);
  return { applicant: { type: 'person', record: person.record }, prior: person.prior };
}

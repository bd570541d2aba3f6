import { requireVerified } from '../../platform/auth/users.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError, invalid } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { FormField } from '../../../contracts/programs.js';
import { applicationOf, type ApplicationRow } from './applications.service.js';
import { applicantOfSubmission, type SubmissionReads } from './submission-reads.js';
import { admitSubmission, claimKeyOf, onceKeyOf, screenApplicant } from './application-judging.js';
import { answeredFiles } from './answered-files.js';
import { applicantOf } from './application-port.js';
import { checkAnswers } from './form-answers.js';
import { momentIn } from './criteria-facts.js';
import { programForSubmission, type Scope } from './programs.service.js';
import type { Filing } from './file-application.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * Drafts of applications to reviewed programs: saved as often as the applicant likes
 * (answers checked for type, not for completeness), judged only when submitted. A draft
 * holds no place in "one per applicant" and no money.
 */

/** Answers as far as they go: every given answer of the right type; missing ones are fine. */
export async function checkDraftAnswers(
  tx: Db | Tx,
  hubId: string,
  owners: readonly string[],
  form: readonly FormField[],
  answers: Record<string, unknown>,
): Promise<void> {
  const problems = checkAnswers(form, answers, await answeredFiles(tx, hubId, owners, form, answers)).filter((p) => p.code !== 'REQUIRED');
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

/** A draft to save (`submitApplication` with `draft: true`): its answers as far as they go, its applicant; nothing judged. */
export async function draftFiling(
  db: Db,
  scope: Scope,
  read: SubmissionReads,
  input: { organizationId?: string; answers: Record<string, unknown> },
  now: Date,
): Promise<Filing> {
  const { hub, actor } = scope;
  const { program, rules } = read;
  if (rules.mode !== 'reviewed') throw invalid('draft', 'INVALID');
  if (localToday(hub.timeZone, now) > program.closesOn) throw new AppError('OUTSIDE_WINDOW');
  await checkDraftAnswers(db, hub.id, [actor.userId!], rules.form, input.answers);
  const { applicant } = applicantOfSubmission(scope, rules, input.organizationId, read.applicant);
  return {
    application: {
      ...applicationOf(uuidv7(), program, applicant, actor.userId!),
      status: 'draft',
      answers: input.answers,
      screening: { eligible: false, results: [] },
    },
    misses: [],
    commit: null,
    audit: { action: 'application.draft_saved', payload: { program: program.id } },
  };
}

/**
 * A draft about to be submitted, judged by the program's current version: the window,
 * complete answers, the criteria. Returns the columns the submission sets; eligible or
 * not decides whether it goes on to review or is refused with its reasons.
 */
export async function judgeDraft(tx: Tx, scope: Scope, app: ApplicationRow, now = new Date()) {
  const { program, rules, emailVerified } = await programForSubmission(tx, app.hubId, app.programId, scope.actor.userId!);
  if (program.status !== 'published') throw new AppError('PROGRAM_NOT_OPEN');
  const answers = app.answers as Record<string, unknown>;
  requireVerified(emailVerified);
  admitSubmission(scope.hub, program, rules, answers, await answeredFiles(tx, app.hubId, [app.submittedBy, scope.actor.userId!], rules.form, answers), now);
  const claimKey = claimKeyOf(program, answers);
  const { applicant, prior } = await applicantOf(tx, app, { claimKey, except: app.id });
  const { screening } = screenApplicant(program, rules, applicant, prior, answers, momentIn(scope.hub.timeZone, now));
  const onceKey = onceKeyOf(program, applicant, screening.eligible);
  return { eligible: screening.eligible, patch: { screening, programVersion: program.currentVersion, claimKey, onceKey } };
}

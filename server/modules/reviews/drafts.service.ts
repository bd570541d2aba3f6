import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkDraftAnswers, judgeDraft, moveApplication, programOf, type Scope } from '../programs/index.js';
import { actorFor, fire, loadVisible } from './transitions.js';

/**
 * A draft's life before it is judged: the applicant changes its answers as often as they
 * like, then submits it. Submitting runs the program's current rules: a pass goes on to
 * review (`submit`), a fail is refused with its reasons (`refuse`, by the rules).
 */

export async function saveDraftAnswers(tx: Tx, scope: Scope, applicationId: string, answers: Record<string, unknown>) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  actorFor(scope, subject, 'applicant');
  if (app.status !== 'draft') throw new AppError('ILLEGAL_TRANSITION');
  const { rules } = await programOf(tx, app);
  await checkDraftAnswers(tx, scope.hub.id, [app.submittedBy, scope.actor.userId!], rules.form, answers);
  // Still a draft when written: a concurrent submission wins, this one is a 409.
  const saved = await moveApplication(tx, scope.hub.id, app.id, 'draft', 'draft', { answers });
  if (!saved) throw new AppError('ILLEGAL_TRANSITION');
  // Every save of a draft is the same event as the first one (filed with `draft: true`).
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'application.draft_saved',
    subjectType: 'application',
    subjectId: app.id,
    payload: { program: app.programId },
  });
  return saved;
}

export async function submitDraft(tx: Tx, scope: Scope, applicationId: string, now = new Date()) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  const actor = actorFor(scope, subject, 'applicant');
  if (app.status !== 'draft') throw new AppError('ILLEGAL_TRANSITION');
  const judged = await judgeDraft(tx, scope, app, now);
  try {
    return judged.eligible
      ? await fire(tx, scope, app, 'submit', actor, null, judged.patch)
      : await fire(tx, scope, app, 'refuse', 'system', null, judged.patch);
  } catch (error) {
    if (sqlState(error) === '23505' && constraintName(error) === 'applications_once_idx') throw new AppError('ALREADY_APPLIED');
    throw error;
  }
}

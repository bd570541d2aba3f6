import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { DecideFindingInput, Obligation } from '../../../contracts/obligations.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/notifications.service.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { awardOutstanding, openReceivable } from '../budget/index.js';
import { applicationStanding, findApplication, readableApplicationIdsSql, type ApplicationRow, type Scope } from '../programs/index.js';
import { holdAward, resumeAward, stopAward } from '../reviews/index.js';
import { addDays } from './dates.js';
import { hasFinding, loadFinding } from './finding-access.js';
import { findingPolicy } from './obligations.policies.js';
import { awardObligations, obligationFindings, recoveries, type FindingRow } from './obligations.tables.js';
import { recoveryAmount } from './recovery-amount.js';
import { cancelRecovery } from './recoveries.service.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * Findings: officers decide whether a finding is a breach (then the recovery is computed
 * by the obligation's rule and recorded as a receivable in the ledger, on any award
 * whatever its state) or not; the awardee may appeal a breach within the obligation's
 * time limit, and a different officer decides the appeal.
 */
/** The findings the caller may see, newest first; naming an application one may not see is a 404. */
export async function listFindings(db: Db, scope: Scope, query: CursorQuery & { status?: string; applicationId?: string }): Promise<CursorPage<FindingRow>> {
  const key = readCursor(query.next, 1);
  const staff = findingPolicy.can(scope.actor, 'read', { own: false, decided: true });
  if (query.applicationId) {
    const app = await findApplication(db, scope.hub.id, query.applicationId);
    if (!staff && !(await applicationStanding(db, app, scope.actor.userId)).reads) throw notFound();
  } else if (!staff && !scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const rows = await db
    .select()
    .from(obligationFindings)
    .where(
      and(
        eq(obligationFindings.hubId, scope.hub.id),
        query.status ? eq(obligationFindings.status, query.status) : undefined,
        query.applicationId ? eq(obligationFindings.applicationId, query.applicationId) : undefined,
        // Whoever is not staff: the findings of the applications they read, read in this statement.
        staff ? undefined : inArray(obligationFindings.applicationId, readableApplicationIdsSql(scope.hub.id, scope.actor.userId!)),
        staff ? undefined : inArray(obligationFindings.status, ['breach', 'dismissed', 'appealed', 'upheld', 'overturned']),
        key ? after([obligationFindings.seq], key) : undefined,
      ),
    )
    .orderBy(asc(obligationFindings.seq))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.seq]);
}

/** An officer decides a finding: a breach (recovery by the rule) or not; or decides an appeal. */
export async function decideFinding(tx: Tx, scope: Scope, id: string, input: DecideFindingInput, now = new Date()): Promise<string> {
  const { finding, app } = await loadFinding(tx, scope, id, true);
  findingPolicy.authorize(scope.actor, 'decide', { own: false, decided: true });
  const today = localToday(scope.hub.timeZone, now);
  if (finding.status === 'appealed') return decideAppeal(tx, scope, finding, app, input);
  if (finding.status !== 'open') throw new AppError('FINDING_DECIDED');
  const [obligation] = await tx
    .select()
    .from(awardObligations)
    .where(and(eq(awardObligations.hubId, scope.hub.id), eq(awardObligations.applicationId, app.id), eq(awardObligations.key, finding.obligationKey)));
  const terms = obligation!.terms as Obligation;
  if (input.decision === 'dismiss') {
    await setStatus(tx, scope, finding, 'open', { status: 'dismissed', decidedBy: scope.actor.userId, decisionReason: input.reason });
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'obligation.finding_dismissed',
      subjectType: 'application',
      subjectId: app.id,
      payload: { findingId: id },
    });
    return id;
  }
  const breachOn = input.breachOn ?? finding.breachOn ?? finding.foundOn;
  await setStatus(tx, scope, finding, 'open', {
    status: 'breach',
    decidedBy: scope.actor.userId,
    decisionReason: input.reason,
    breachOn,
    appealUntil: addDays(today, terms.appealDays),
  });
  await tx
    .update(awardObligations)
    .set({ status: 'breached' })
    .where(and(eq(awardObligations.hubId, scope.hub.id), eq(awardObligations.applicationId, app.id), eq(awardObligations.key, finding.obligationKey)));
  const outstanding = app.commitmentId ? await awardOutstanding(tx, scope.hub.id, app.commitmentId) : 0n;
  const amount = recoveryAmount({
    outstanding,
    rule: terms.recovery.rule,
    shareBasisPoints: terms.recovery.shareBasisPoints,
    startsOn: obligation!.startsOn,
    endsOn: obligation!.endsOn,
    breachOn,
  });
  const dueOn = addDays(today, terms.repayDays);
  if (amount > 0n) {
    const recoveryId = uuidv7();
    await openReceivable(
      tx,
      { hubId: scope.hub.id, actorId: scope.actor.userId },
      { transferId: recoveryId, commitmentId: app.commitmentId!, amount, cause: { type: 'application', id: app.id } },
    );
    await tx.insert(recoveries).values({ hubId: scope.hub.id, id: recoveryId, findingId: id, applicationId: app.id, amountDue: amount, dueOn });
  }
  // Nothing more is paid while the awardee may appeal; the history says what is due and why.
  await holdAward(tx, scope, app.id, { reason: input.reason, amount });
  await notify(tx, scope.hub.id, [
    {
      userId: app.submittedBy,
      kind: 'recovery_due',
      subjectType: 'obligation_finding',
      subjectId: id,
      payload: { amount: amount.toString(), dueOn, reason: input.reason },
    },
  ]);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'obligation.breach_decided',
    subjectType: 'application',
    subjectId: app.id,
    payload: { findingId: id, amount: amount.toString(), dueOn },
  });
  return id;
}

/** An appeal goes to an officer other than the one who decided the breach. */
async function decideAppeal(tx: Tx, scope: Scope, finding: FindingRow, app: ApplicationRow, input: DecideFindingInput): Promise<string> {
  if (finding.decidedBy === scope.actor.userId) throw new AppError('SAME_APPROVER');
  const upheld = input.decision === 'breach';
  await setStatus(tx, scope, finding, 'appealed', {
    status: upheld ? 'upheld' : 'overturned',
    appealDecidedBy: scope.actor.userId,
    decisionReason: input.reason,
  });
  if (upheld) await stopAward(tx, scope, app.id, input.reason);
  else {
    await cancelRecovery(tx, scope, finding.id);
    // Another breach of the award that stands or awaits its appeal keeps the tranches held,
    // so that it still stops the award (read under the lock every finding decision takes).
    const keepHeld = await hasFinding(tx, scope.hub.id, app.id, ['breach', 'appealed'], { exceptId: finding.id });
    await resumeAward(tx, scope, app.id, input.reason, { keepHeld });
  }
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: upheld ? 'obligation.appeal_dismissed' : 'obligation.appeal_upheld',
    subjectType: 'application',
    subjectId: app.id,
    payload: { findingId: finding.id },
  });
  await notify(tx, scope.hub.id, [
    {
      userId: app.submittedBy,
      kind: upheld ? 'appeal_dismissed' : 'appeal_upheld',
      subjectType: 'obligation_finding',
      subjectId: finding.id,
      payload: { reason: input.reason },
    },
  ]);
  return finding.id;
}

/** The awardee appeals a decided breach, within the obligation's time limit. */
export async function appealFinding(tx: Tx, scope: Scope, id: string, reason: string, now = new Date()): Promise<string> {
  const { finding, app, subject } = await loadFinding(tx, scope, id, true);
  findingPolicy.authorize(scope.actor, 'appeal', subject);
  if (finding.status !== 'breach') throw new AppError('FINDING_DECIDED');
  if (!finding.appealUntil || localToday(scope.hub.timeZone, now) > finding.appealUntil) throw new AppError('APPEAL_TOO_LATE');
  await setStatus(tx, scope, finding, 'breach', { status: 'appealed', appealReason: reason });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'obligation.appealed',
    subjectType: 'application',
    subjectId: app.id,
    payload: { findingId: id },
  });
  return id;
}

/** Moves a finding only from the state it was decided on (a concurrent decider gets 409). */
async function setStatus(tx: Tx, scope: Scope, finding: FindingRow, from: string, patch: Partial<FindingRow>) {
  const [row] = await tx
    .update(obligationFindings)
    .set(patch)
    .where(and(eq(obligationFindings.hubId, scope.hub.id), eq(obligationFindings.id, finding.id), eq(obligationFindings.status, from)))
    .returning();
  if (!row) throw new AppError('FINDING_DECIDED');
  return row;
}

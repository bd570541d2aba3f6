import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BenefitExplanation, TrancheCondition } from '../../../contracts/programs.js';
import type { Award } from '../../../contracts/reviews.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { attachedFiles } from '../../platform/files/index.js';
import { uuidv7 } from '../../platform/ids.js';
import { clawBack, commit, commitmentTransactions, disburse, findCommitment, release } from '../budget/index.js';
import { findApplication, type ApplicationRow, type Scope } from '../programs/index.js';
import { awardPowers } from './award-actions.js';
import { cityTranches } from './city-tranches.js';
import { awardClawbacks, awardTranches, milestoneReports } from './awards.tables.js';
import { openNotice, requireNoticeCleared } from './notices.service.js';
import { reviewPolicy } from './reviews.policies.js';
import { addMonths, settingsOf } from './settings.js';
import { systemReason } from './system-reasons.js';
import { fire, loadVisible } from './transitions.js';
import type { ActorKind } from './workflow.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * Awards: an approved application's commitment in the ledger, its tranches, and the
 * money that moves on them. Every movement goes through the budget module's ledger API
 * with an id fixed before it (a tranche's transfer id), so a retry or a re-run job pays once.
 */

const caller = (scope: Scope) => ({ hubId: scope.hub.id, actorId: scope.actor.userId });

/**
 * Makes the award of an application that has just become `awarded`: the commitment of the
 * city's share on the program's line (transfer id = application id), the tranche schedule from the
 * benefit, unconditional tranches paid in the same round trip, and the milestone reports
 * the awardee will owe.
 */
export async function createAward(tx: Tx, scope: Scope, app: ApplicationRow, now = new Date()): Promise<ApplicationRow> {
  const { settings, fiscalYear, budgetLine } = await settingsOf(tx, app);
  const benefit = app.benefit as BenefitExplanation;
  const today = localToday(scope.hub.timeZone, now);
  const payId = uuidv7();
  // On public notice nothing is paid with the award: every tranche waits for the notice to clear.
  const onNotice = settings.noticeWorkingDays > 0;
  const payNowNow = (t: { condition: unknown }) => t.condition === null && !onNotice;
  // The line pays the city's share only (co-funding: the employer pays the rest itself).
  const tranches = cityTranches(benefit);
  const payNow = tranches.filter(payNowNow).reduce((s, t) => s + BigInt(t.amount), 0n);
  await commit(tx, caller(scope), {
    transferId: app.commitmentId ?? app.id,
    year: fiscalYear,
    lineCode: budgetLine,
    amount: BigInt(benefit.cityShare),
    cause: { type: 'application', id: app.id },
    payNow: { transferId: payId, amount: payNow },
  });
  await tx.insert(awardTranches).values(
    tranches.map((t, i) => ({
      hubId: scope.hub.id,
      applicationId: app.id,
      seq: i + 1,
      amount: BigInt(t.amount),
      condition: t.condition,
      dueOn: t.condition?.kind === 'date' ? addMonths(today, t.condition.monthsAfterAward) : null,
      status: payNowNow(t) ? 'paid' : 'waiting',
      transferId: payNowNow(t) ? payId : uuidv7(),
      paidAt: payNowNow(t) ? now : null,
      paidBy: payNowNow(t) ? scope.actor.userId : null,
    })),
  );
  if (onNotice) await openNotice(tx, scope, app, settings.noticeWorkingDays, now);
  if (settings.milestones.length) {
    await tx
      .insert(milestoneReports)
      .values(settings.milestones.map((m) => ({ hubId: scope.hub.id, applicationId: app.id, key: m.key, dueOn: addMonths(today, m.dueAfterMonths) })));
  }
  let current = app;
  if (payNow > 0n) current = await fire(tx, scope, current, 'pay', 'system', systemReason('paid_with_award'));
  return closeIfSettled(tx, scope, current);
}

/** Once no tranche waits any more, the award closes. */
async function closeIfSettled(tx: Tx, scope: Scope, app: ApplicationRow): Promise<ApplicationRow> {
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(awardTranches)
    .where(and(eq(awardTranches.hubId, scope.hub.id), eq(awardTranches.applicationId, app.id), eq(awardTranches.status, 'waiting')));
  if (left!.n > 0 || app.status === 'approved') return app;
  return fire(tx, scope, app, 'close', 'system', systemReason('tranches_settled'));
}

/**
 * Pays one waiting tranche: finance by hand (with a reason), or the system when its
 * condition holds. The tranche row is claimed with a conditional UPDATE first, so two
 * payers cannot both pay it; the ledger transfer uses the tranche's own id.
 */
export async function payTranche(
  tx: Tx,
  scope: Scope,
  app: ApplicationRow,
  seq: number,
  actor: ActorKind,
  reason: string,
  now = new Date(),
): Promise<ApplicationRow> {
  if (!app.commitmentId) throw new AppError('ILLEGAL_TRANSITION');
  // Public notice: nothing is paid before the period ends and every objection is resolved.
  await requireNoticeCleared(tx, scope, app.id, now);
  const [tranche] = await tx
    .update(awardTranches)
    .set({ status: 'paid', paidAt: now, paidBy: scope.actor.userId, reason })
    .where(and(eq(awardTranches.hubId, scope.hub.id), eq(awardTranches.applicationId, app.id), eq(awardTranches.seq, seq), eq(awardTranches.status, 'waiting')))
    .returning();
  if (!tranche) {
    const [exists] = await tx
      .select({ seq: awardTranches.seq })
      .from(awardTranches)
      .where(and(eq(awardTranches.hubId, scope.hub.id), eq(awardTranches.applicationId, app.id), eq(awardTranches.seq, seq)));
    throw exists ? new AppError('TRANCHE_SETTLED') : notFound();
  }
  // The state moves first: an application that may not be paid (withdrawn, awaiting its
  // second approver, closed) fails here and the whole transaction rolls back.
  const moved = await fire(tx, scope, app, 'pay', actor, reason);
  if (tranche.amount > 0n) await disburse(tx, caller(scope), { transferId: tranche.transferId!, commitmentId: app.commitmentId, amount: tranche.amount });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'award.tranche_paid',
    subjectType: 'application',
    subjectId: app.id,
    payload: { seq, amount: tranche.amount.toString(), reason },
  });
  return closeIfSettled(tx, scope, moved);
}

/** releaseTranche: finance pays a tranche by hand, with a reason. */
export async function releaseTranche(tx: Tx, scope: Scope, applicationId: string, seq: number, reason: string) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'pay', subject);
  await payTranche(tx, scope, app, seq, 'finance', reason);
  return awardOf(tx, app.id, scope);
}

/**
 * Takes money back on breach: at most what was paid (the ledger's own limit), the
 * tranches still waiting are cancelled, the rest of the commitment goes back to the
 * line, and the award closes.
 */
export async function clawBackAward(tx: Tx, scope: Scope, applicationId: string, input: { amount: bigint; reason: string; transferId: string }) {
  const { app, subject } = await loadVisible(tx, scope, applicationId);
  reviewPolicy.authorize(scope.actor, 'pay', subject);
  if (!app.commitmentId) throw new AppError('ILLEGAL_TRANSITION');
  await fire(tx, scope, app, 'claw_back', 'finance', input.reason);
  await clawBack(tx, caller(scope), { transferId: input.transferId, commitmentId: app.commitmentId, amount: input.amount });
  await tx
    .update(awardTranches)
    .set({ status: 'cancelled', reason: input.reason })
    .where(and(eq(awardTranches.hubId, scope.hub.id), eq(awardTranches.applicationId, app.id), inArray(awardTranches.status, ['waiting', 'held'])));
  if (!(await findCommitment(tx, scope.hub.id, app.commitmentId)).released)
    await release(tx, caller(scope), { transferId: uuidv7(), commitmentId: app.commitmentId });
  await tx
    .insert(awardClawbacks)
    .values({ hubId: scope.hub.id, id: input.transferId, applicationId: app.id, amount: input.amount, reason: input.reason, actorId: scope.actor.userId });
  return awardOf(tx, app.id, scope);
}

/** The award as its applicant and staff see it: schedule, what was paid, reports, claw-backs. */
export async function getAward(db: Db | Tx, scope: Scope, applicationId: string): Promise<Award> {
  const { app } = await loadVisible(db, scope, applicationId);
  if (!app.commitmentId) throw notFound();
  return awardOf(db, app.id, scope);
}

export async function awardOf(db: Db | Tx, applicationId: string, scope: Scope): Promise<Award> {
  const app = await findApplication(db, scope.hub.id, applicationId);
  const { settings } = await settingsOf(db, app);
  const tranches = await db
    .select()
    .from(awardTranches)
    .where(and(eq(awardTranches.hubId, scope.hub.id), eq(awardTranches.applicationId, app.id)))
    .orderBy(asc(awardTranches.seq));
  const reports = await db
    .select()
    .from(milestoneReports)
    .where(and(eq(milestoneReports.hubId, scope.hub.id), eq(milestoneReports.applicationId, app.id)))
    .orderBy(asc(milestoneReports.dueOn));
  const clawbacks = await db
    .select()
    .from(awardClawbacks)
    .where(and(eq(awardClawbacks.hubId, scope.hub.id), eq(awardClawbacks.applicationId, app.id)))
    .orderBy(asc(awardClawbacks.createdAt), asc(awardClawbacks.id));
  const files = new Map(
    (
      await attachedFiles(
        db,
        scope.hub.id,
        reports.flatMap((r) => r.attachments),
      )
    ).map((f) => [f.id, f]),
  );
  const benefit = app.benefit as BenefitExplanation | null;
  const ruleTranches = benefit ? cityTranches(benefit) : [];
  // A rule-only award whose tranches were never recorded: all unconditional ones were paid with it.
  const schedule = tranches.length
    ? tranches.map((t) => ({
        seq: t.seq,
        amount: t.amount.toString(),
        condition: t.condition as TrancheCondition | null,
        dueOn: t.dueOn,
        status: t.status as 'paid',
        paidAt: t.paidAt?.toISOString() ?? null,
      }))
    : ruleTranches.map((t, i) => ({
        seq: i + 1,
        amount: t.amount,
        condition: t.condition,
        dueOn: null,
        status: (t.condition ? 'waiting' : 'paid') as 'paid',
        paidAt: t.condition ? null : app.createdAt.toISOString(),
      }));
  // What was paid is the ledger's: the tranches the award paid and, for a compute voucher, the
  // usage compute pays share by share (its metered-usage tranche stays waiting while it does),
  // less what compute took back for corrected usage. A breach's claw-back is shown apart.
  const moves = app.commitmentId ? await commitmentTransactions(db, scope.hub.id, [app.commitmentId]) : [];
  const total = (kind: string) => moves.filter((m) => m.kind === kind).reduce((s, m) => s + m.amount, 0n);
  const breachTakenBack = clawbacks.reduce((s, c) => s + c.amount, 0n);
  const paidSoFar = total('disbursement') - (total('claw_back') - breachTakenBack);
  const powers = await awardPowers(db, scope, app, paidSoFar);
  return {
    applicationId: app.id,
    status: app.status as Award['status'],
    amount: (app.amount ?? 0n).toString(),
    paid: paidSoFar.toString(),
    clawedBack: clawbacks.reduce((s, c) => s + c.amount, 0n).toString(),
    tranches: schedule.map((t) => ({ ...t, allowedActions: powers.tranche({ status: t.status, recorded: tranches.length > 0 }) })),
    milestones: reports.map((r) => ({
      key: r.key,
      name: settings.milestones.find((m) => m.key === r.key)?.name ?? { zh: r.key, en: r.key },
      dueOn: r.dueOn,
      status: r.status as 'due',
      text: r.text,
      kpis: r.kpis as Record<string, number>,
      attachments: r.attachments.flatMap((id) => files.get(id) ?? []),
      note: r.note,
    })),
    clawbacks: clawbacks.map((c) => ({ amount: c.amount.toString(), reason: c.reason, at: c.createdAt.toISOString() })),
    allowedActions: powers.award,
  };
}

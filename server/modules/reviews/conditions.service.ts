import { and, desc, eq } from 'drizzle-orm';
import type { BenefitExplanation, TrancheCondition } from '../../../contracts/programs.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { uuidv7 } from '../../platform/ids.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { conditionalRuleOnlyAwards, findApplication, type ApplicationRow, type Scope } from '../programs/index.js';
import { payTranche } from './awards.service.js';
import { cityTranches } from './city-tranches.js';
import { awardFacts, awardTranches, milestoneReports } from './awards.tables.js';
import { noticeHold } from './notices.service.js';
import { tranchePaidReason } from './system-reasons.js';
import { conditionMet } from './tranche-conditions.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * The condition checker: pays every waiting tranche of an award whose condition now
 * holds (a date reached, a milestone report accepted, months of social insurance
 * recorded). Run by the daily job for every award with waiting tranches, and at once
 * when an officer accepts a report. Paying is idempotent per tranche.
 */
export async function payMetConditions(tx: Tx, scope: Scope, app: ApplicationRow, now = new Date()): Promise<number> {
  const waiting = await tx
    .select()
    .from(awardTranches)
    .where(and(eq(awardTranches.hubId, app.hubId), eq(awardTranches.applicationId, app.id), eq(awardTranches.status, 'waiting')))
    .orderBy(awardTranches.seq);
  if (!waiting.length) return 0;
  const accepted = await tx
    .select({ key: milestoneReports.key })
    .from(milestoneReports)
    .where(and(eq(milestoneReports.hubId, app.hubId), eq(milestoneReports.applicationId, app.id), eq(milestoneReports.status, 'accepted')));
  const [insurance] = await tx
    .select({ months: awardFacts.months })
    .from(awardFacts)
    .where(and(eq(awardFacts.hubId, app.hubId), eq(awardFacts.applicationId, app.id), eq(awardFacts.kind, 'social_insurance_months')))
    .orderBy(desc(awardFacts.asOf), desc(awardFacts.createdAt), desc(awardFacts.id))
    .limit(1);
  const facts = {
    today: localToday(scope.hub.timeZone, now),
    acceptedMilestones: new Set(accepted.map((a) => a.key)),
    socialInsuranceMonths: insurance?.months ?? null,
  };
  // On public notice until the period ends and every objection is resolved: nothing is due yet.
  if (await noticeHold(tx, app.hubId, app.id, facts.today)) return 0;
  let paid = 0;
  let current = app;
  for (const t of waiting) {
    // A tranche without a condition waits only for the public notice (cleared above).
    if (t.condition && !conditionMet(t.condition as TrancheCondition, t.dueOn, facts)) continue;
    current = await payTranche(tx, scope, current, t.seq, 'system', tranchePaidReason(t.condition as TrancheCondition | null), now);
    paid++;
  }
  return paid;
}

/**
 * A rule-only award's tranches were only in its benefit explanation (issue 5 paid the
 * unconditional ones with the commitment): record them, once, so they can be paid. On
 * public notice nothing was paid: every tranche waits, the unconditional ones for the
 * notice to clear.
 */
export async function recordRuleOnlyTranches(tx: Tx, app: ApplicationRow, onNotice = false): Promise<void> {
  const benefit = app.benefit as BenefitExplanation;
  const waits = (t: { condition: unknown }) => Boolean(t.condition) || onNotice;
  await tx
    .insert(awardTranches)
    .values(
      cityTranches(benefit).map((t, i) => ({
        hubId: app.hubId,
        applicationId: app.id,
        seq: i + 1,
        amount: BigInt(t.amount),
        condition: t.condition,
        dueOn: null,
        status: waits(t) ? 'waiting' : 'paid',
        transferId: waits(t) ? uuidv7() : null,
        paidAt: waits(t) ? null : app.createdAt,
      })),
    )
    .onConflictDoNothing();
}

/** Records an award's months of local social insurance, from a named source; pays what that unlocks. */
export async function recordSocialInsurance(
  tx: Tx,
  scope: Scope,
  app: ApplicationRow,
  input: { months: number; asOf: string; source: string },
  now = new Date(),
) {
  await tx.insert(awardFacts).values({
    hubId: scope.hub.id,
    id: uuidv7(),
    applicationId: app.id,
    kind: 'social_insurance_months',
    months: input.months,
    asOf: input.asOf,
    source: input.source,
    recordedBy: scope.actor.userId,
  });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'award.fact_recorded',
    subjectType: 'application',
    subjectId: app.id,
    payload: { kind: 'social_insurance_months', months: input.months, asOf: input.asOf },
  });
  return payMetConditions(tx, scope, app, now);
}

/** The daily run for one hub: every award with waiting tranches, each in its own transaction. */
export async function checkHubConditions(db: Db, hub: HubRow, now = new Date()): Promise<{ checked: number; paid: number }> {
  const scope: Scope = { hub, actor: { userId: null, hubRoles: [] } };
  for (const app of await conditionalRuleOnlyAwards(db, hub.id))
    await withTransaction(db, (tx) => recordRuleOnlyTranches(tx, app), { isolation: 'read committed' });
  const ids = await db
    .selectDistinct({ id: awardTranches.applicationId })
    .from(awardTranches)
    .where(and(eq(awardTranches.hubId, hub.id), eq(awardTranches.status, 'waiting')));
  let paid = 0;
  for (const { id } of ids) {
    paid += await withTransaction(db, async (tx) => payMetConditions(tx, scope, await findApplication(tx, hub.id, id), now), { isolation: 'read committed' });
  }
  return { checked: ids.length, paid };
}

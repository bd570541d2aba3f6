import { and, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Obligation } from '../../../contracts/obligations.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { uuidv7 } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/notifications.service.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { findCommitment } from '../budget/index.js';
import { latestFacts, organizationIdByUscc, relatedParties } from '../ecosystem/index.js';
import { awardsWithObligations, otherAwardsOf, type AwardWithRules, type Scope } from '../programs/index.js';
import { addMonths, awardPaymentState, stopAward } from '../reviews/index.js';
import { checkObligation, REPORT_GRACE_DAYS, type Breach } from './obligation-checks.js';
import { hasFinding } from './finding-access.js';
import { awardObligations, obligationFindings, obligationReports } from './obligations.tables.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * The daily check of what awardees owe. For every award with obligations: record its
 * obligations with their dates (once), then check each open one against the facts it
 * names and raise a finding with the evidence; remind awardees of outcome reports coming
 * due; mark obligations that ran their course as met; stop awards whose breach was not
 * appealed in time. Each award is its own transaction,
 * and re-running the same day raises nothing twice.
 */
export type CheckCounts = { awards: number; obligations: number; findings: number; reminders: number; stopped: number };

const REMIND_DAYS_BEFORE = 14;

export async function checkHubObligations(db: Db, hub: HubRow, now = new Date(), onlyApplicationIds?: string[]): Promise<CheckCounts> {
  const today = localToday(hub.timeZone, now);
  const counts: CheckCounts = { awards: 0, obligations: 0, findings: 0, reminders: 0, stopped: 0 };
  for (const award of await awardsWithObligations(db, hub.id, onlyApplicationIds)) {
    counts.awards++;
    await withTransaction(db, async (tx) => {
      counts.obligations += await recordObligations(tx, hub, award);
      counts.findings += await checkAward(tx, hub, award, today);
      counts.reminders += await remindReports(tx, hub, award, today);
      counts.stopped += await stopUnappealed(tx, hub, award, today);
    });
  }
  return counts;
}

/** Copies an award's obligations with their dates, once each; "from the last payment" waits for it. */
async function recordObligations(tx: Tx, hub: HubRow, { app, obligations }: AwardWithRules): Promise<number> {
  const commitment = await findCommitment(tx, hub.id, app.commitmentId!);
  const payments = await awardPaymentState(tx, hub.id, app.id);
  let recorded = 0;
  for (const o of obligations) {
    let startsOn = localToday(hub.timeZone, commitment.createdAt);
    if (o.from === 'last_payment') {
      if (!payments.settled && app.status !== 'closed') continue;
      startsOn = localToday(hub.timeZone, payments.lastPaidAt ?? commitment.createdAt);
    }
    const endsOn = addMonths(startsOn, o.months);
    const [row] = await tx
      .insert(awardObligations)
      .values({ hubId: hub.id, applicationId: app.id, key: o.key, kind: o.kind, terms: o, startsOn, endsOn })
      .onConflictDoNothing()
      .returning();
    if (!row) continue;
    recorded++;
    if (o.kind === 'report_outcomes') {
      const dues: string[] = [];
      for (let m = 12; m < o.months; m += 12) dues.push(addMonths(startsOn, m));
      dues.push(endsOn);
      await tx
        .insert(obligationReports)
        .values(dues.map((dueOn) => ({ hubId: hub.id, applicationId: app.id, obligationKey: o.key, dueOn })))
        .onConflictDoNothing();
    }
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: null,
      action: 'obligation.recorded',
      subjectType: 'application',
      subjectId: app.id,
      payload: { key: o.key, kind: o.kind, startsOn, endsOn },
    });
  }
  return recorded;
}

async function checkAward(tx: Tx, hub: HubRow, award: AwardWithRules, today: string): Promise<number> {
  const open = await tx
    .select()
    .from(awardObligations)
    .where(and(eq(awardObligations.hubId, hub.id), eq(awardObligations.applicationId, award.app.id), eq(awardObligations.status, 'open')));
  let raised = 0;
  for (const row of open) {
    const o = row.terms as Obligation;
    if (row.startsOn > today) continue;
    const breach = checkObligation({
      obligation: o,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      today,
      ...(await factsFor(tx, hub, award, o, row.startsOn, row.endsOn, today)),
    });
    if (breach) raised += await raiseFinding(tx, hub, award, row.key, breach, today);
    else if (row.endsOn < today && !(await hasFinding(tx, hub.id, award.app.id, ['open', 'appealed'], { obligationKey: row.key }))) {
      await tx
        .update(awardObligations)
        .set({ status: 'met' })
        .where(
          and(
            eq(awardObligations.hubId, hub.id),
            eq(awardObligations.applicationId, award.app.id),
            eq(awardObligations.key, row.key),
            eq(awardObligations.status, 'open'),
          ),
        );
    }
  }
  return raised;
}

/** Gathers only what the obligation's kind looks at. */
async function factsFor(tx: Tx, hub: HubRow, { app }: AwardWithRules, o: Obligation, startsOn: string, endsOn: string, today: string) {
  const asOf = today < endsOn ? today : endsOn;
  switch (o.kind) {
    case 'stay_registered':
    case 'keep_headcount': {
      if (!app.organizationId) return {};
      const facts = await latestFacts(tx, hub.id, app.organizationId, ['registered_in_hub', 'headcount'], asOf);
      return { registered: facts.get('registered_in_hub'), headcount: facts.get('headcount') };
    }
    case 'no_related_party': {
      const uscc = (app.answers as Record<string, unknown>)[o.supplierField ?? ''];
      const supplier = typeof uscc === 'string' ? await organizationIdByUscc(tx, hub.id, uscc) : null;
      if (!supplier || !app.organizationId) return {};
      return { supplier: { organizationId: supplier, ties: await relatedParties(tx, hub.id, app.organizationId, supplier, startsOn) } };
    }
    case 'no_double_subsidy': {
      const others = await otherAwardsOf(tx, app, o.exclusivePrograms);
      const dated = [];
      for (const a of others) {
        const awardedOn = localToday(hub.timeZone, (await findCommitment(tx, hub.id, a.app.commitmentId!)).createdAt);
        dated.push({ applicationId: a.app.id, programName: a.programName, awardedOn });
      }
      return { otherAwards: dated.filter((a) => a.awardedOn <= endsOn) };
    }
    case 'report_outcomes': {
      const late = await tx
        .select({ dueOn: obligationReports.dueOn })
        .from(obligationReports)
        .where(
          and(
            eq(obligationReports.hubId, hub.id),
            eq(obligationReports.applicationId, app.id),
            eq(obligationReports.obligationKey, o.key),
            isNull(obligationReports.submittedAt),
            lte(obligationReports.dueOn, sql`${today}::date - ${REPORT_GRACE_DAYS}::int`),
          ),
        )
        .orderBy(obligationReports.dueOn);
      return { overdueReports: late.map((r) => r.dueOn) };
    }
  }
}

/** One finding per piece of evidence; its short number is the hub's next (under a per-hub lock). */
async function raiseFinding(tx: Tx, hub: HubRow, award: AwardWithRules, key: string, breach: Breach, today: string): Promise<number> {
  const [seen] = await tx
    .select({ id: obligationFindings.id })
    .from(obligationFindings)
    .where(
      and(
        eq(obligationFindings.hubId, hub.id),
        eq(obligationFindings.applicationId, award.app.id),
        eq(obligationFindings.obligationKey, key),
        eq(obligationFindings.fingerprint, breach.fingerprint),
      ),
    );
  if (seen) return 0;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`findings:${hub.id}`}, 0))`);
  const [{ next }] = (await tx.execute<{ next: number }>(sql`SELECT coalesce(max(seq), 0) + 1 AS next FROM obligation_findings WHERE hub_id = ${hub.id}`))
    .rows as [{ next: number }];
  const id = uuidv7();
  const [row] = await tx
    .insert(obligationFindings)
    .values({
      hubId: hub.id,
      id,
      seq: Number(next),
      applicationId: award.app.id,
      obligationKey: key,
      fingerprint: breach.fingerprint,
      foundOn: today,
      evidence: { ...breach.evidence, breachOn: breach.breachOn },
      breachOn: breach.breachOn,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return 0;
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: null,
    action: 'obligation.finding_raised',
    subjectType: 'application',
    subjectId: award.app.id,
    payload: { findingId: id, key, fingerprint: breach.fingerprint },
  });
  return 1;
}

/** Reminds the awardee of an outcome report falling due within two weeks (once per report). */
async function remindReports(tx: Tx, hub: HubRow, { app }: AwardWithRules, today: string): Promise<number> {
  const due = await tx
    .update(obligationReports)
    .set({ remindedOn: today })
    .where(
      and(
        eq(obligationReports.hubId, hub.id),
        eq(obligationReports.applicationId, app.id),
        isNull(obligationReports.submittedAt),
        isNull(obligationReports.remindedOn),
        lte(obligationReports.dueOn, sql`${today}::date + ${REMIND_DAYS_BEFORE}::int`),
      ),
    )
    .returning();
  if (due.length)
    await notify(
      tx,
      hub.id,
      due.map((r) => ({
        userId: app.submittedBy,
        kind: 'obligation_report_due',
        subjectType: 'application',
        subjectId: app.id,
        payload: { key: r.obligationKey, dueOn: r.dueOn },
      })),
    );
  return due.length;
}

/** A breach not appealed in time stands: the award's held tranches are cancelled and it closes (once). */
async function stopUnappealed(tx: Tx, hub: HubRow, { app }: AwardWithRules, today: string): Promise<number> {
  const standing = await tx
    .select({ reason: obligationFindings.decisionReason })
    .from(obligationFindings)
    .where(
      and(
        eq(obligationFindings.hubId, hub.id),
        eq(obligationFindings.applicationId, app.id),
        eq(obligationFindings.status, 'breach'),
        lt(obligationFindings.appealUntil, today),
      ),
    )
    .limit(1);
  if (!standing.length) return 0;
  const system: Scope = { hub, actor: { userId: null, hubRoles: [] } };
  return (await stopAward(tx, system, app.id, standing[0]!.reason ?? '')) ? 1 : 0;
}

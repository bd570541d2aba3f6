import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Obligation, ObligationFinding, Recovery } from '../../../contracts/obligations.js';
import type { Db, Tx } from '../../db/connection.js';
import type { Actor } from '../../platform/policies.js';
import { applicantNames } from '../ecosystem/index.js';
import { applicationStanding, findApplication, programOf } from '../programs/index.js';
import { findingPolicy } from './obligations.policies.js';
import { awardObligations, recoveries, recoveryPayments, type FindingRow } from './obligations.tables.js';

/** Findings as the API shows them: names instead of ids, the recovery with its payments, and what the caller may do. */
export async function presentFindings(db: Db | Tx, hubId: string, actor: Actor, rows: FindingRow[]): Promise<ObligationFinding[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const recs = await db
    .select()
    .from(recoveries)
    .where(and(eq(recoveries.hubId, hubId), inArray(recoveries.findingId, ids)));
  const pays = recs.length
    ? await db
        .select()
        .from(recoveryPayments)
        .where(
          and(
            eq(recoveryPayments.hubId, hubId),
            inArray(
              recoveryPayments.recoveryId,
              recs.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(recoveryPayments.receivedOn), asc(recoveryPayments.id))
    : [];
  const out: ObligationFinding[] = [];
  for (const f of rows) {
    const app = await findApplication(db, hubId, f.applicationId);
    const { program } = await programOf(db, app);
    const [type, applicantId] = app.organizationId ? (['organization', app.organizationId] as const) : (['person', app.personId!] as const);
    const name = (await applicantNames(db, hubId, type, [applicantId])).get(applicantId) ?? { zh: '—', en: '—' };
    const [o] = await db
      .select()
      .from(awardObligations)
      .where(and(eq(awardObligations.hubId, hubId), eq(awardObligations.applicationId, f.applicationId), eq(awardObligations.key, f.obligationKey)));
    const terms = o!.terms as Obligation;
    const rec = recs.find((r) => r.findingId === f.id);
    const { reads: own, acts } = await applicationStanding(db, app, actor.userId);
    const recovery: Recovery | null = rec
      ? {
          id: rec.id,
          amountDue: rec.amountDue.toString(),
          repaid: rec.repaid.toString(),
          writtenOff: rec.writtenOff.toString(),
          dueOn: rec.dueOn,
          status: rec.status as Recovery['status'],
          writeOffRequestedBy: rec.writeOffRequestedBy,
          payments: pays.filter((p) => p.recoveryId === rec.id).map((p) => ({ amount: p.amount.toString(), receivedOn: p.receivedOn, note: p.note })),
        }
      : null;
    const evidence = f.evidence as ObligationFinding['evidence'];
    const actions: ObligationFinding['actions'] = [];
    const can = (action: string) => findingPolicy.can(actor, action, { own, acts, decided: f.status !== 'open' });
    if (f.status === 'open' && can('decide')) actions.push('decide');
    if (f.status === 'appealed' && can('decide') && f.decidedBy !== actor.userId) actions.push('decide_appeal');
    if (f.status === 'breach' && can('appeal')) actions.push('appeal');
    const recoveryOpen = rec && ['due', 'part_repaid', 'write_off_requested'].includes(rec.status);
    if (recoveryOpen && can('record_repayment')) actions.push('record_repayment');
    if (recoveryOpen && can('write_off') && rec.writeOffRequestedBy !== actor.userId) actions.push('write_off');
    out.push({
      id: f.id,
      reference: `OB-${String(f.seq).padStart(6, '0')}`,
      applicationId: f.applicationId,
      programName: { zh: program.nameZh, en: program.nameEn },
      applicantName: name,
      obligation: { key: f.obligationKey, kind: terms.kind, startsOn: o!.startsOn, endsOn: o!.endsOn, rule: terms.recovery.rule },
      foundOn: f.foundOn,
      evidence: { kind: evidence.kind, summary: evidence.summary, detail: evidence.detail },
      status: f.status as ObligationFinding['status'],
      decisionReason: f.decisionReason,
      appealUntil: f.appealUntil,
      appealReason: f.appealReason,
      recovery,
      actions,
    });
  }
  return out;
}

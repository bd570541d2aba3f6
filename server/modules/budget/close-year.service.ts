import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { lockYear, accountByCode } from './accounts.js';
import { budgetPolicy } from './budget.policies.js';
import type { BudgetScope } from './budget.service.js';
import { commitments, fiscalYears, ledgerAccounts } from './budget.tables.js';
import { commit, release } from './commitments.service.js';

/**
 * Closes a year. What is still committed but unpaid is either voided back to its line,
 * or carried forward: committed again, for the same cause, on the line with the same code
 * in the next (open) year, and voided here with a link to the new commitment (`carried_to`)
 * that the ledger API follows for the old id's holder. Either way it is one audited decision.
 */
export async function closeFiscalYear(tx: Tx, { hub, actor }: BudgetScope, yearNumber: number, decision: 'void' | 'carry_forward', note: string) {
  budgetPolicy.authorize(actor, 'write', null);
  const year = await lockYear(tx, hub.id, yearNumber, 'update');
  const open = await tx
    .select()
    .from(commitments)
    .where(
      and(
        eq(commitments.hubId, hub.id),
        eq(commitments.fiscalYearId, year.id),
        eq(commitments.released, false),
        sql`${commitments.posted} < ${commitments.amount}`,
      ),
    );
  const caller = { hubId: hub.id, actorId: actor.userId };
  let carried = 0n;
  for (const c of open) {
    if (decision === 'void') {
      await release(tx, caller, { transferId: uuidv7(), commitmentId: c.id, reason: 'year_close' });
      continue;
    }
    const remainder = c.amount - c.posted;
    const [line] = await tx
      .select({ code: ledgerAccounts.code })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.id, c.lineAccountId)));
    try {
      await accountByCode(tx, hub.id, (await lockYear(tx, hub.id, yearNumber + 1)).id, line!.code);
    } catch {
      throw new AppError('VALIDATION_FAILED', [{ path: 'decision', code: 'NOT_IN_HUB' }]);
    }
    const next = await commit(tx, caller, {
      transferId: uuidv7(),
      year: yearNumber + 1,
      lineCode: line!.code,
      amount: remainder,
      cause: { type: c.causeType, id: c.causeId },
    });
    // The holder of the old id (an award, a voucher, a lease) keeps it: the release names
    // the new commitment, and disburse, release and claw-back follow the link to it.
    await release(tx, caller, { transferId: uuidv7(), commitmentId: c.id, reason: 'year_close', carriedTo: next.id });
    carried += remainder;
  }
  await tx
    .update(fiscalYears)
    .set({ status: 'closed', closedAt: new Date() })
    .where(and(eq(fiscalYears.hubId, hub.id), eq(fiscalYears.id, year.id)));
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'fiscal_year.closed',
    subjectType: 'fiscal_year',
    subjectId: year.id,
    payload: { year: yearNumber, decision, commitments: open.length, carried: carried.toString(), note },
  });
  return { commitments: open.length, carried };
}

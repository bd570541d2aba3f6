import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RecordRepaymentInput } from '../../../contracts/obligations.js';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { receiveRepayment, writeOffReceivable } from '../budget/index.js';
import { findApplication, type Scope } from '../programs/index.js';
import { recordAwardEvent } from '../reviews/index.js';
import { loadFinding } from './finding-access.js';
import { findingPolicy } from './obligations.policies.js';
import { recoveries, recoveryPayments, type RecoveryRow } from './obligations.tables.js';

/**
 * Recoveries: the money a decided breach owes. Finance records repayments as they arrive
 * (partial ones too), each posting part of the receivable back to the line (or the
 * envelope of a closed year); what cannot be recovered is written off with a reason by
 * two different people. The tally row is moved with conditional UPDATEs whose CHECK
 * refuses more than is due, in the same transaction as the ledger.
 */
const open = ['due', 'part_repaid', 'write_off_requested'];

async function loadRecovery(tx: Tx, scope: Scope, id: string, action: 'record_repayment' | 'write_off'): Promise<RecoveryRow> {
  const [row] = await tx
    .select()
    .from(recoveries)
    .where(and(eq(recoveries.hubId, scope.hub.id), eq(recoveries.id, id)))
    .for('update');
  if (!row) throw notFound();
  const { subject } = await loadFinding(tx, scope, row.findingId);
  findingPolicy.authorize(scope.actor, action, subject);
  return row;
}

export async function recordRepayment(tx: Tx, scope: Scope, id: string, input: RecordRepaymentInput): Promise<RecoveryRow> {
  const r = await loadRecovery(tx, scope, id, 'record_repayment');
  if (!open.includes(r.status)) throw new AppError('RECOVERY_SETTLED');
  const amount = BigInt(input.amount);
  const [updated] = await tx
    .update(recoveries)
    .set({
      repaid: sql`${recoveries.repaid} + ${amount}`,
      status: sql`CASE WHEN ${recoveries.repaid} + ${amount} + ${recoveries.writtenOff} = ${recoveries.amountDue} THEN 'repaid' WHEN ${recoveries.status} = 'write_off_requested' THEN 'write_off_requested' ELSE 'part_repaid' END`,
    })
    .where(and(eq(recoveries.hubId, scope.hub.id), eq(recoveries.id, id), inArray(recoveries.status, open)))
    .returning()
    .catch((error: unknown) => {
      if (sqlState(error) === '23514' && constraintName(error) === 'recoveries_tally_check')
        throw new AppError('REPAYMENT_EXCEEDS_DUE', [{ path: 'amount', code: 'TOO_BIG' }]);
      throw error;
    });
  const paymentId = uuidv7();
  await receiveRepayment(tx, { hubId: scope.hub.id, actorId: scope.actor.userId }, { transferId: paymentId, receivableId: id, amount });
  await tx
    .insert(recoveryPayments)
    .values({ hubId: scope.hub.id, id: paymentId, recoveryId: id, amount, receivedOn: input.receivedOn, note: input.note, recordedBy: scope.actor.userId });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'recovery.repayment_recorded',
    subjectType: 'recovery',
    subjectId: id,
    payload: { amount: input.amount, receivedOn: input.receivedOn },
  });
  await recordAwardEvent(tx, scope, await findApplication(tx, scope.hub.id, r.applicationId), 'repaid', { reason: input.note || null, amount });
  return updated!;
}

/** First call asks for the write-off; a second, different person's call writes off what is left. */
export async function writeOffRecovery(tx: Tx, scope: Scope, id: string, reason: string): Promise<RecoveryRow> {
  const r = await loadRecovery(tx, scope, id, 'write_off');
  if (!open.includes(r.status)) throw new AppError('RECOVERY_SETTLED');
  if (r.status !== 'write_off_requested') {
    const [asked] = await tx
      .update(recoveries)
      .set({ status: 'write_off_requested', writeOffRequestedBy: scope.actor.userId, writeOffReason: reason })
      .where(and(eq(recoveries.hubId, scope.hub.id), eq(recoveries.id, id), eq(recoveries.status, r.status)))
      .returning();
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'recovery.write_off_requested',
      subjectType: 'recovery',
      subjectId: id,
      payload: { reason },
    });
    return asked!;
  }
  if (r.writeOffRequestedBy === scope.actor.userId) throw new AppError('SAME_APPROVER');
  const written = await settleRest(tx, scope, r, 'written_off');
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'recovery.written_off',
    subjectType: 'recovery',
    subjectId: id,
    payload: { amount: (r.amountDue - r.repaid).toString(), reason, requestedBy: r.writeOffRequestedBy },
  });
  await recordAwardEvent(tx, scope, await findApplication(tx, scope.hub.id, r.applicationId), 'written_off', {
    reason,
    amount: r.amountDue - r.repaid - r.writtenOff,
  });
  return written;
}

/** An appeal upheld: what is still owed is no longer owed (what was repaid stays recorded). */
export async function cancelRecovery(tx: Tx, scope: Scope, findingId: string): Promise<void> {
  const [r] = await tx
    .select()
    .from(recoveries)
    .where(and(eq(recoveries.hubId, scope.hub.id), eq(recoveries.findingId, findingId)))
    .for('update');
  if (!r || !open.includes(r.status)) return;
  await settleRest(tx, scope, r, 'cancelled');
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'recovery.cancelled',
    subjectType: 'recovery',
    subjectId: r.id,
    payload: { amount: (r.amountDue - r.repaid).toString() },
  });
}

/** Voids what is left of the receivable and closes the tally. */
async function settleRest(tx: Tx, scope: Scope, r: RecoveryRow, status: 'written_off' | 'cancelled'): Promise<RecoveryRow> {
  const rest = r.amountDue - r.repaid - r.writtenOff;
  const [row] = await tx
    .update(recoveries)
    .set({ status, writtenOff: sql`${recoveries.amountDue} - ${recoveries.repaid}` })
    .where(and(eq(recoveries.hubId, scope.hub.id), eq(recoveries.id, r.id), eq(recoveries.status, r.status)))
    .returning();
  if (!row) throw new AppError('RECOVERY_SETTLED');
  await writeOffReceivable(tx, { hubId: scope.hub.id, actorId: scope.actor.userId }, { transferId: uuidv7(), receivableId: r.id, amount: rest });
  return row;
}

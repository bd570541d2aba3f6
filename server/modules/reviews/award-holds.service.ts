import { and, eq } from 'drizzle-orm';
import type { AwardHistoryEvent } from '../../../contracts/reviews.js';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { uuidv7 } from '../../platform/ids.js';
import { findCommitment, release } from '../budget/index.js';
import { findApplication, type ApplicationRow, type Scope } from '../programs/index.js';
import { awardTranches } from './awards.tables.js';
import { applicationTransitions } from './reviews.tables.js';
import { fire } from './transitions.js';

/**
 * What a decided breach does to the award itself (issue 19). The tranches still waiting
 * are held at once, so nothing more is paid while the awardee may appeal; an overturned
 * appeal lets them wait again; an appeal dismissed, or its time passed, stops the award:
 * held tranches are cancelled, the unpaid rest of the commitment goes back to the line
 * and the award closes. Each step is written into the award's history.
 */

/** Writes one event of the award's history that moves money but not the status. */
export async function recordAwardEvent(
  tx: Tx,
  scope: Scope,
  app: ApplicationRow,
  event: AwardHistoryEvent,
  input: { reason: string | null; amount: bigint | null },
): Promise<void> {
  await tx.insert(applicationTransitions).values({
    hubId: scope.hub.id,
    id: uuidv7(),
    applicationId: app.id,
    fromStatus: app.status,
    toStatus: app.status,
    event,
    actorId: scope.actor.userId,
    reason: input.reason,
    amount: input.amount,
  });
}

const setTranches = (tx: Tx, scope: Scope, applicationId: string, from: 'waiting' | 'held', to: 'waiting' | 'held' | 'cancelled', reason: string) =>
  tx
    .update(awardTranches)
    .set({ status: to, reason })
    .where(and(eq(awardTranches.hubId, scope.hub.id), eq(awardTranches.applicationId, applicationId), eq(awardTranches.status, from)))
    .returning({ seq: awardTranches.seq });

/** A breach decided: the recovery is due and the tranches still waiting are held. */
export async function holdAward(tx: Tx, scope: Scope, applicationId: string, recovery: { reason: string; amount: bigint }): Promise<void> {
  const app = await findApplication(tx, scope.hub.id, applicationId);
  await setTranches(tx, scope, app.id, 'waiting', 'held', recovery.reason);
  await recordAwardEvent(tx, scope, app, 'recovery_due', recovery);
}

/**
 * The breach overturned on appeal: what was due is cancelled and held tranches wait again,
 * unless another breach of the award still stands (`keepHeld`, the caller's to know): then
 * they stay held, so that breach still stops the award.
 */
export async function resumeAward(tx: Tx, scope: Scope, applicationId: string, reason: string, options: { keepHeld: boolean }): Promise<void> {
  const app = await findApplication(tx, scope.hub.id, applicationId);
  if (!options.keepHeld) await setTranches(tx, scope, app.id, 'held', 'waiting', reason);
  await recordAwardEvent(tx, scope, app, 'recovery_cancelled', { reason, amount: null });
}

/** The breach stands: held tranches are cancelled, the unpaid rest released, the award closed. Idempotent. */
export async function stopAward(tx: Tx, scope: Scope, applicationId: string, reason: string): Promise<boolean> {
  const app = await findApplication(tx, scope.hub.id, applicationId);
  const cancelled = await setTranches(tx, scope, app.id, 'held', 'cancelled', reason);
  if (!cancelled.length) return false;
  if (app.commitmentId && !(await findCommitment(tx, scope.hub.id, app.commitmentId)).released)
    await release(tx, { hubId: scope.hub.id, actorId: scope.actor.userId }, { transferId: uuidv7(), commitmentId: app.commitmentId });
  if (['approved', 'awarded', 'in_payment'].includes(app.status)) await fire(tx, scope, app, 'close', 'system', reason);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'award.stopped',
    subjectType: 'application',
    subjectId: app.id,
    payload: { cancelledTranches: cancelled.map((c) => c.seq), reason },
  });
  return true;
}

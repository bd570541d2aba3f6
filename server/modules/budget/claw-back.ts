import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { accountByCode, accountFree, guardAnyYear } from './accounts.js';
import { limited } from './budget.service.js';
import { commitmentChain, transferExists, type CommitmentRow, type LedgerCaller } from './commitments.service.js';
import { applyTransfer } from './ledger.js';

/**
 * Takes back paid money from an award; never more than was paid. An award carried into
 * the next year at a close was paid from each year's commitment in turn, so the money is
 * taken back from the newest year first, then the years before, each part from that year's
 * award account to its line (or, when that year is closed, to its envelope, as recoveries
 * do). All parts are one step: the caller's transfer id names the first, and a retry with it
 * is the claw-back already made. More than the years paid together is refused, nothing written.
 */
export async function clawBack(
  tx: Tx,
  caller: LedgerCaller,
  input: { transferId: string; commitmentId: string; amount: bigint },
): Promise<{ replayed: boolean }> {
  if (await transferExists(tx, caller.hubId, input.transferId)) return { replayed: true };
  const parts = await split(tx, caller.hubId, input.commitmentId, input.amount);
  for (const [i, { commitment: c, amount }] of parts.entries()) {
    const year = await guardAnyYear(tx, caller.hubId, c.fiscalYearId);
    const creditAccountId = year.status === 'open' ? c.lineAccountId : (await accountByCode(tx, caller.hubId, c.fiscalYearId, 'envelope')).id;
    const transferId = i === 0 ? input.transferId : uuidv7();
    await limited(
      'amount',
      () =>
        applyTransfer(tx, {
          hubId: caller.hubId,
          id: transferId,
          fiscalYearId: c.fiscalYearId,
          kind: 'posted',
          debitAccountId: c.awardAccountId,
          creditAccountId,
          amount,
          reason: 'claw_back',
          cause: { type: c.causeType, id: c.causeId },
          actorId: caller.actorId,
        }),
      'CLAWBACK_EXCEEDS_PAID',
    );
    await recordAudit(tx, {
      hubId: caller.hubId,
      actorId: caller.actorId,
      action: 'ledger.clawed_back',
      subjectType: 'commitment',
      subjectId: c.id,
      payload: { transferId, amount: amount.toString() },
    });
  }
  return { replayed: false };
}

/** The amount over the award's years, newest first, each part at most what that year's award account holds. */
async function split(tx: Tx, hubId: string, commitmentId: string, amount: bigint): Promise<{ commitment: CommitmentRow; amount: bigint }[]> {
  const parts: { commitment: CommitmentRow; amount: bigint }[] = [];
  let rest = amount;
  for (const c of (await commitmentChain(tx, hubId, commitmentId)).reverse()) {
    if (rest === 0n) break;
    // An award account never holds less than nothing (its limit), so `take` is 0 or more.
    const free = await accountFree(tx, hubId, c.awardAccountId);
    const take = rest < free ? rest : free;
    if (take > 0n) parts.push({ commitment: c, amount: take });
    rest -= take;
  }
  if (rest > 0n) throw new AppError('CLAWBACK_EXCEEDS_PAID', [{ path: 'amount', code: 'TOO_BIG' }]);
  return parts;
}

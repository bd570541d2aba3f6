import type { BenefitExplanation } from '../../../contracts/programs.js';
import type { ReviewBoard } from '../../../contracts/reviews.js';
import type { Tx } from '../../db/connection.js';
import { priceApplication, toBenefitExplanation, type ApplicationRow } from '../programs/index.js';
import type { ReviewSettings } from '../../../contracts/review-settings.js';
import { cityTranches } from './city-tranches.js';

/**
 * What an officer's approval would do now, so the page can say it before the click: the
 * amount (priced as `decideApplication` prices it; the one already approved for a second
 * approver), whether it goes to a second officer (above the two-person threshold), and
 * which tranches are paid at once, the city's part of each as `createAward` pays it (none on
 * public notice). Null where approving is not next.
 */
export async function approvalPreview(
  tx: Tx,
  app: ApplicationRow,
  settings: ReviewSettings,
  firstApproverId: string | null,
  now = new Date(),
): Promise<ReviewBoard['approval']> {
  const second = app.status === 'approved' && firstApproverId !== null;
  if (app.status !== 'in_review' && !second) return null;
  const benefit = second ? (app.benefit as BenefitExplanation) : toBenefitExplanation(await priceApplication(tx, app, now));
  const amount = second ? (app.amount?.toString() ?? benefit.amount) : benefit.amount;
  const threshold = settings.twoPersonThreshold === null ? null : BigInt(settings.twoPersonThreshold);
  const toSecondApprover = !second && threshold !== null && BigInt(amount) > threshold;
  const onNotice = settings.noticeWorkingDays > 0;
  const paidNow =
    toSecondApprover || onNotice
      ? []
      : cityTranches(benefit).flatMap((t, i) => (t.condition === null && BigInt(t.amount) > 0n ? [{ seq: i + 1, amount: t.amount }] : []));
  return { amount, toSecondApprover, onNotice, paidNow };
}

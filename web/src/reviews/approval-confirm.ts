import type { TFunction } from 'i18next';
import type { ReviewBoard } from '../api/reviews.api';

/**
 * What the officer is asked before an approval, from what the server says approving does
 * (the board's `approval`): which tranches it pays and how much, that it goes to a second
 * officer, or that the award waits for its public notice or its conditions.
 */
export function approvalConfirm(approval: ReviewBoard['approval'], t: TFunction, money: (amount: string) => string): { title: string; content: string | null } {
  const k = 'reviews.board.approveConfirm';
  if (!approval) return { title: t(`${k}.plainTitle`), content: null };
  const amount = money(approval.amount);
  if (approval.toSecondApprover) return { title: t(`${k}.secondTitle`, { amount }), content: t(`${k}.secondBody`) };
  if (approval.paidNow.length > 0) {
    const payments = approval.paidNow.map((p) => t('reviews.award.payment', { seq: p.seq, amount: money(p.amount) })).join(t('reviews.board.listSeparator'));
    const paid = approval.paidNow.reduce((sum, p) => sum + BigInt(p.amount), 0n);
    return { title: t(`${k}.paysTitle`, { payments }), content: t(paid >= BigInt(approval.amount) ? `${k}.paysAll` : `${k}.paysRest`, { amount }) };
  }
  return { title: t(`${k}.awardTitle`, { amount }), content: t(approval.onNotice ? `${k}.noticeBody` : `${k}.laterBody`) };
}

import type { TrancheCondition } from '../../../../contracts/programs';
import { basisPointsText, percentToBasisPoints } from '../../budget/percent';
import { DraftLineError } from '../draft-line-error';

/** When a tranche is paid, as the editor offers it: with the award, or on one condition. */
export const trancheWhens = ['award', 'social_insurance_months', 'date', 'milestone_accepted', 'metered_usage'] as const;
export type TrancheWhen = (typeof trancheWhens)[number];

/** One tranche as a form row: its share in percent and when it is paid (months or a report as the condition needs). */
export type TrancheRow = { share: string; when: TrancheWhen; months?: string; milestone?: string };

export const defaultTranches = (): TrancheRow[] => [{ share: '100', when: 'award' }];

/** Whether a condition takes a number of months. */
export const takesMonths = (when: TrancheWhen | undefined) => when === 'social_insurance_months' || when === 'date';

function conditionOf(row: TrancheRow, index: number): TrancheCondition | null {
  const months = row.months?.trim() ?? '';
  const wholeMonths = /^\d{1,3}$/.test(months) ? Number(months) : null;
  switch (row.when) {
    case 'award':
      return null;
    case 'metered_usage':
      return { kind: 'metered_usage' };
    case 'milestone_accepted':
      if (!row.milestone?.trim()) throw new DraftLineError(`tranches.${index}.milestone`, index + 1);
      return { kind: 'milestone_accepted', milestone: row.milestone.trim() };
    default:
      if (wholeMonths === null) throw new DraftLineError(`tranches.${index}.months`, index + 1);
      return row.when === 'date' ? { kind: 'date', monthsAfterAward: wholeMonths } : { kind: 'social_insurance_months', months: wholeMonths };
  }
}

/** The rows as the formula's tranches; throws DraftLineError naming the row that does not fit. */
export function tranchesFrom(rows: readonly TrancheRow[] | undefined) {
  const list = rows?.length ? rows : defaultTranches();
  return list.map((row, index) => {
    const share = percentToBasisPoints((row.share ?? '').replace('%', '').trim());
    if (share === null) throw new DraftLineError(`tranches.${index}.share`, index + 1);
    return { shareBasisPoints: share, condition: conditionOf(row, index) };
  });
}

/** Saved tranches as rows. */
export function trancheRows(tranches: readonly { shareBasisPoints: number; condition: TrancheCondition | null }[]): TrancheRow[] {
  return tranches.map(({ shareBasisPoints, condition }) => {
    const share = basisPointsText(shareBasisPoints).replace('%', '');
    if (!condition) return { share, when: 'award' };
    switch (condition.kind) {
      case 'social_insurance_months':
        return { share, when: condition.kind, months: String(condition.months) };
      case 'date':
        return { share, when: condition.kind, months: String(condition.monthsAfterAward) };
      case 'milestone_accepted':
        return { share, when: condition.kind, milestone: condition.milestone };
      default:
        return { share, when: 'metered_usage' };
    }
  });
}

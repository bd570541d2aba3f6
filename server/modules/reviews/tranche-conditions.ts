import type { TrancheCondition } from '../../../contracts/programs.js';

/** What the condition checker knows of an award on a given day. */
export type ConditionFacts = {
  /** The hub's local date, YYYY-MM-DD. */
  today: string;
  acceptedMilestones: ReadonlySet<string>;
  /** The latest recorded months of local social insurance, if any. */
  socialInsuranceMonths: number | null;
};

/** Whether a tranche's condition holds (pure; `dueOn` is the date a date condition fixed at award). */
export function conditionMet(condition: TrancheCondition, dueOn: string | null, facts: ConditionFacts): boolean {
  switch (condition.kind) {
    case 'date':
      return dueOn !== null && dueOn <= facts.today;
    case 'milestone_accepted':
      return facts.acceptedMilestones.has(condition.milestone);
    case 'social_insurance_months':
      return facts.socialInsuranceMonths !== null && facts.socialInsuranceMonths >= condition.months;
    case 'metered_usage':
      return false; // paid by the compute module, usage record by usage record
  }
}

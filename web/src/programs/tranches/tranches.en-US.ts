import type { tranchesZhCN } from './tranches.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The tranche rows' words in English. */
export const tranchesEnUS: Messages<typeof tranchesZhCN> = {
  title: 'Paid in tranches',
  hint: 'The shares add up to 100%.',
  share: 'Tranche {{n}} share (%)',
  when: 'Tranche {{n}} paid',
  months: 'Tranche {{n}} months',
  milestone: 'Tranche {{n}} report',
  whens: {
    award: 'With the award',
    social_insurance_months: 'After months of local social insurance',
    date: 'Some months after the award',
    milestone_accepted: 'When a report is accepted',
    metered_usage: 'On metered usage',
  },
  add: 'Add a tranche',
  remove: 'Remove tranche {{n}}',
  total: 'Total {{total}}%',
};

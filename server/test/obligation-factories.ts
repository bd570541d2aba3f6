import type { ObligationInput } from '../../contracts/obligations.js';

/** An award's duty to report its outcomes once a year for `months`, a fifth recovered on a breach. */
export const outcomeReportsObligation = (months: number): ObligationInput => ({
  key: 'reports',
  kind: 'report_outcomes',
  months,
  recovery: { rule: 'share', shareBasisPoints: 2000 },
  appealDays: 15,
  repayDays: 30,
});

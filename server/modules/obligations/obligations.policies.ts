import { allow, definePolicy } from '../../platform/policies.js';

/**
 * Who may see and act on findings and recoveries. `own`: the caller submitted the award's
 * application or belongs to the applicant organisation (any role: they read it); `acts`:
 * the caller may act for the awardee (the programs module's `applicationStanding`; absent:
 * no), so a "can view" colleague reads but neither appeals nor reports (403); `decided`: the
 * finding has been decided (an awardee never sees a finding still under the officers'
 * consideration).
 */
export type FindingSubject = { own: boolean; acts?: boolean; decided: boolean };

const OFFICERS = ['program_officer', 'hub_admin'] as const;
const FINANCE = ['finance_officer', 'hub_admin'] as const;

export const findingPolicy = definePolicy<FindingSubject>([
  allow(['hub_admin', 'program_officer', 'finance_officer', 'auditor'], 'read'),
  allow('signed_in', 'read', (_, s) => s.own && s.decided),
  allow(OFFICERS, 'decide'),
  allow(OFFICERS, 'run_checks'),
  allow('signed_in', 'appeal', (_, s) => s.own && s.acts === true),
  allow('signed_in', 'report', (_, s) => s.own && s.acts === true),
  allow(FINANCE, 'record_repayment'),
  allow(FINANCE, 'write_off'),
]);

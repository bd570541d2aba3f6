import { z } from 'zod';

/**
 * What the caller may do with one object, as the server's policies say: organisation,
 * program, application, award and tranche responses carry `allowedActions`, computed from the same
 * policies (and, for applications, the same workflow table) that authorize the routes.
 * The web shows a button only for an action listed here and keeps no copy of the rules.
 */
export const organizationActions = ['update', 'manageMembers', 'readRecords', 'editRecords', 'transferOwnership'] as const;
export type OrganizationAction = (typeof organizationActions)[number];

/** `runMatching`, `inviteMatched`: find who qualifies for a published program now, and invite them to apply. */
export const programActions = ['edit', 'publish', 'apply', 'readApplications', 'runMatching', 'inviteMatched'] as const;
export type ProgramAction = (typeof programActions)[number];

/** `readReviewers`: who reviewed it, their conflicts and scores side by side (the officer's review board). */
export const applicationActions = ['withdraw', 'appeal', 'resubmit', 'screen', 'assignReviewers', 'readReviewers', 'decide'] as const;
export type ApplicationAction = (typeof applicationActions)[number];

/** An award as a whole: take money back, report on a milestone, accept or return a report, record social insurance. */
export const awardActions = ['clawBack', 'reportMilestone', 'reviewMilestone', 'recordSocialInsurance'] as const;
export type AwardAction = (typeof awardActions)[number];

/** One tranche of an award: finance pays it by hand. */
export const trancheActions = ['release'] as const;
export type TrancheAction = (typeof trancheActions)[number];

/** The one shape: a list of the object's actions the caller may take now. */
export function allowedActionsSchema<const A extends readonly [string, ...string[]]>(actions: A) {
  return z
    .array(z.enum(actions))
    .meta({ description: 'What the caller may do with this object now (the server’s policies decide; the web shows only these buttons)' });
}

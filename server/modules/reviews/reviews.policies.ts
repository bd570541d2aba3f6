import { allow, definePolicy, type Actor } from '../../platform/policies.js';

/**
 * Who may act in the reviewed workflow. `own`: the caller submitted the application or
 * belongs to the applicant organisation (any role: they read it); `acts`: the caller may
 * act for the applicant (the programs module's `applicationStanding`; absent: no);
 * `assigned`: the caller is an unconflicted reviewer of it. Everyone else learns nothing
 * of it (404); a "can view" colleague acting for the company gets 403.
 */
export type ReviewSubject = { own: boolean; acts?: boolean; assigned: boolean };

export const OFFICERS = ['program_officer', 'hub_admin'] as const;
export const FINANCE = ['finance_officer', 'hub_admin'] as const;

export const reviewPolicy = definePolicy<ReviewSubject>([
  allow('signed_in', 'read', (_, s) => s.own || s.assigned),
  allow(['hub_admin', 'program_officer', 'finance_officer', 'auditor'], 'read'),
  allow('signed_in', 'act_as_applicant', (_, s) => s.own && s.acts === true),
  allow(OFFICERS, 'decide'),
  allow(OFFICERS, 'assign'),
  allow(OFFICERS, 'read_reviewers'),
  allow('reviewer', 'review', (_, s) => s.assigned),
  allow(FINANCE, 'pay'),
  allow(OFFICERS, 'accept_report'),
  allow([...OFFICERS, 'finance_officer'], 'record_fact'),
]);

/** Who sees an application's reviewers by name, their conflicts and every score: the review board and the application's `readReviewers`. */
export const readsReviewers = (actor: Actor, subject: ReviewSubject) => reviewPolicy.can(actor, 'read_reviewers', subject);

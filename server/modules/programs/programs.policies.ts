import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';

/** Program officers and hub admins shape programs; staff read drafts; everyone reads published ones. */
export const programPolicy = definePolicy<{ published: boolean }>([
  allow('anyone', 'read', (_, p) => p.published),
  allow(HUB_STAFF, 'read'),
  allow(HUB_STAFF, 'read_rules'),
  allow(['program_officer', 'hub_admin'], 'write'),
]);

// Reviewers see only what they are assigned, through the reviews module.
const APPLICATION_STAFF = HUB_STAFF.filter((r) => r !== 'reviewer');

/** Applicants see their own applications; hub staff (but reviewers) see the hub's. */
export const applicationPolicy = definePolicy<{ own: boolean }>([
  allow('signed_in', 'read', (_, a) => a.own),
  allow(APPLICATION_STAFF, 'read'),
  allow(APPLICATION_STAFF, 'list_all'),
  allow('signed_in', 'submit'),
]);

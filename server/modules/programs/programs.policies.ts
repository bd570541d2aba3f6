import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';

/** Program officers and hub admins shape programs; staff read drafts; everyone reads published ones. */
export const programPolicy = definePolicy<{ published: boolean }>([
  allow('anyone', 'read', (_, p) => p.published),
  allow(HUB_STAFF, 'read'),
  allow(HUB_STAFF, 'read_rules'),
  allow(['program_officer', 'hub_admin'], 'write'),
]);

/** Applicants see their own applications; hub staff see the hub's. */
export const applicationPolicy = definePolicy<{ own: boolean }>([
  allow('signed_in', 'read', (_, a) => a.own),
  allow(HUB_STAFF, 'read'),
  allow(HUB_STAFF, 'list_all'),
  allow('signed_in', 'submit'),
]);

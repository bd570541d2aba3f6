import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';

/**
 * Applicants see the programs they (their organisations, their person record) qualify
 * for; staff see who qualifies for a program; officers run matching and invite.
 */
export const matchPolicy = definePolicy<{ own: boolean }>([
  allow('signed_in', 'read', (_, m) => m.own),
  allow(HUB_STAFF, 'read'),
  allow(['program_officer', 'hub_admin'], 'run'),
  allow(['program_officer', 'hub_admin'], 'invite'),
]);

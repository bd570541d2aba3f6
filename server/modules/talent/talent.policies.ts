import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';

/** The catalogue is public; officers and admins edit it and assess people against it. */
export const talentPolicy = definePolicy<null>([
  allow('anyone', 'read_catalogue'),
  allow(['program_officer', 'hub_admin'], 'edit_catalogue'),
  allow(HUB_STAFF, 'read'),
  allow(['program_officer', 'hub_admin'], 'assess'),
  allow(['program_officer', 'hub_admin'], 'revoke'),
  allow('hub_admin', 'rotate_keys'),
]);

import { allow, definePolicy, PERSONAL_DATA_STAFF } from '../../platform/policies.js';

/**
 * The catalogue is public; officers and admins edit it and assess people against it. The
 * card signing keys are the security administrator's alone (三员分立: key rotation is a
 * security duty, not the system administrator's).
 */
export const talentPolicy = definePolicy<null>([
  allow('anyone', 'read_catalogue'),
  allow(['program_officer', 'hub_admin'], 'edit_catalogue'),
  // A person's assessments (tier, evidence, notes) are personal data.
  allow(PERSONAL_DATA_STAFF, 'read'),
  allow(['program_officer', 'hub_admin'], 'assess'),
  allow(['program_officer', 'hub_admin'], 'revoke'),
  // A graduate's claim to a record holding the resident id they gave: staff decide it.
  allow(['program_officer', 'hub_admin'], 'resolve_claims'),
  allow('security_admin', 'rotate_keys'),
]);

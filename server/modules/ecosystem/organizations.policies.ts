import type { OrgRole } from '../../../contracts/auth.js';
import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';

/** What the policy needs to know of one organisation: the actor's place in it. */
export type OrganizationSubject = { memberRole: OrgRole | null };

const isMember = (_: unknown, org: OrganizationSubject) => org.memberRole !== null;
const isOwner = (_: unknown, org: OrganizationSubject) => org.memberRole === 'owner';

export const organizationPolicy = definePolicy<OrganizationSubject>([
  allow('anyone', 'list_public'),
  allow('signed_in', 'create'),
  allow(HUB_STAFF, 'list_all'),
  allow(HUB_STAFF, 'read'),
  allow('signed_in', 'read', isMember),
  allow(['hub_admin', 'program_officer'], 'update'),
  allow('signed_in', 'update', isOwner),
  allow('hub_admin', 'add_member'),
  allow('signed_in', 'add_member', isOwner),
]);

/** For actions that do not concern one existing organisation. */
export const noOrganization: OrganizationSubject = { memberRole: null };

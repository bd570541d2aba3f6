import type { OrgRole } from '../../../contracts/auth.js';
import type { OrganizationAction } from '../../../contracts/allowed-actions.js';
import { allow, definePolicy, HUB_STAFF, permitted, type Actor } from '../../platform/policies.js';
import { ecosystemRecordPolicy } from './people.policies.js';

/** What the policy needs to know of one organisation: the actor's place in it. */
export type OrganizationSubject = { memberRole: OrgRole | null };

const isMember = (_: unknown, org: OrganizationSubject) => org.memberRole !== null;
const isOwner = (_: unknown, org: OrganizationSubject) => org.memberRole === 'owner';

export const organizationPolicy = definePolicy<OrganizationSubject>([
  allow('anyone', 'list_public'),
  // An auditor's account registers nothing (definePolicy), unless it also holds a working role.
  allow('signed_in', 'create'),
  allow(HUB_STAFF, 'list_all'),
  allow(HUB_STAFF, 'read'),
  allow('signed_in', 'read', isMember),
  allow(['hub_admin', 'program_officer'], 'update'),
  allow('signed_in', 'update', isOwner),
  // Adding an account directly (no consent asked) is for hub admins registering a company on its
  // behalf; a company's owners bring colleagues in by invitation (`manage_members`), which the invitee accepts.
  allow('hub_admin', 'add_member'),
  allow('hub_admin', 'manage_members'),
  allow('signed_in', 'manage_members', isOwner),
  allow('signed_in', 'transfer_ownership', isOwner),
]);

export { mayApplyFor } from '../../../contracts/auth.js';

/** For actions that do not concern one existing organisation. */
export const noOrganization: OrganizationSubject = { memberRole: null };

/** What the actor may do with one organisation (its detail's `allowedActions`): the checks its routes make. */
export function organizationActionsOf(actor: Actor, organization: OrganizationSubject): OrganizationAction[] {
  return permitted<OrganizationAction>({
    update: organizationPolicy.can(actor, 'update', organization),
    manageMembers: organizationPolicy.can(actor, 'manage_members', organization),
    readRecords: ecosystemRecordPolicy.can(actor, 'read', null),
    editRecords: ecosystemRecordPolicy.can(actor, 'create', null),
    transferOwnership: organizationPolicy.can(actor, 'transfer_ownership', organization),
  });
}

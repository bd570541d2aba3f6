import { allow, definePolicy } from '../../platform/policies.js';

/**
 * The space tree: signed-in people browse it; space managers run the parks they operate,
 * hub admins every park (and open new ones).
 */
export const spaceTreePolicy = definePolicy<{ operates: boolean }>([
  allow('signed_in', 'read'),
  allow('space_manager', 'operate', (_, p) => p.operates),
  allow('hub_admin', 'operate'),
  allow(['hub_admin', 'space_manager'], 'open_park'),
]);

export type TenancySubject = { reads: boolean; acts: boolean; operates: boolean };

/**
 * A hold, lease or request: the organisation's members read theirs (`companyStanding`
 * `reads`, a "can view" colleague too); only one who acts for the company (owner or "can
 * apply") asks, accepts an offer or withdraws (a viewer gets 403). The park's operators and
 * hub admins run them; auditors read.
 */
export const tenancyPolicy = definePolicy<TenancySubject>([
  allow('signed_in', 'read', (_, t) => t.reads),
  allow('space_manager', 'read', (_, t) => t.operates),
  allow(['hub_admin', 'auditor'], 'read'),
  allow('signed_in', 'ask', (_, t) => t.acts),
  allow('signed_in', 'accept', (_, t) => t.acts),
  allow('signed_in', 'withdraw', (_, t) => t.acts),
  allow('space_manager', 'run', (_, t) => t.operates),
  allow('hub_admin', 'run'),
]);

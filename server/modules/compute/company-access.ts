import type { Db, Tx } from '../../db/connection.js';
import { companyStanding, requireOrganization, type CompanyStanding } from '../ecosystem/index.js';
import { companyComputePolicy } from './compute.policies.js';
import type { Scope } from './pools.service.js';

/**
 * Whether the caller may take `action` (read, submit, cancel) on a company's compute, by the
 * one company rule (`companyStanding`): every member reads, owners and "can apply"
 * colleagues act, a "can view" colleague is refused with 403; staff as the policy says;
 * anyone else gets a 404. Staff naming a company of another hub get a 404 too.
 */
export async function authorizeCompany(db: Db | Tx, scope: Scope, organizationId: string, action: string): Promise<CompanyStanding> {
  const standing = await companyStanding(db, scope.hub.id, organizationId, scope.actor.userId);
  companyComputePolicy.authorize(scope.actor, action, standing);
  // A member's company is this hub's (memberships are the hub's); staff may have named any id.
  if (!standing.reads) await requireOrganization(db, scope.hub.id, organizationId);
  return standing;
}

// The ecosystem module's public face: hubs, organisations, people, relations, facts
// and what they add up to (graph, talent pipeline, comparison).
import type { FastifyInstance } from 'fastify';
import { organizationMemberRoutes } from './organization-members.routes.js';
import type { Deps } from '../../platform/http/deps.js';
import { exchangeRoutes } from './exchange.routes.js';
import { hubRoutes } from './hubs.routes.js';
import { insightRoutes } from './insights.routes.js';
import { peopleRoutes } from './people.routes.js';
import { meRoutes } from './me.routes.js';
import { organizationRoutes } from './organizations.routes.js';

export async function registerEcosystemRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(hubRoutes(deps));
  await app.register(organizationRoutes(deps));
  await app.register(organizationMemberRoutes(deps));
  await app.register(meRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(insightRoutes(deps));
  await app.register(exchangeRoutes(deps));
}

export { assertDistrict } from './districts.js';
export {
  createOrganization,
  addOrganizationMember,
  getOrganization,
  listOrganizations,
  memberRoleOf,
  companyStanding,
  requireOrganization,
  type CompanyStanding,
} from './organizations.service.js';
export {
  organizationForApplicant,
  organizationForApplicantJson,
  organizationWithOf,
  organizationRecord,
  personOfUserJson,
  personOfUserWith,
  personWithOf,
  personRecordOfUser,
  type OrganizationRecord,
  type PersonRecord,
} from './applicant-facts.js';
export {
  organizationRecordsPage,
  personRecordsPage,
  countApplicants,
  applicantIdsOfUser,
  applicantNames,
  usersOfApplicants,
  type ApplicantName,
} from './applicant-pages.js';
export { organizationSnapshot } from './organization-snapshot.js';
export { findConflicts, personIdsOfUsers, type ConflictHit } from './conflicts.js';
export { setPersonTalentTier, findPeople, type PersonRow } from './people.service.js';
export { ownPersonRecord, recordOwnResidentId, settleRecordClaim } from './own-person.js';
export { registerPersonMove, type PersonMove } from './person-moves.js';
export { relatedParties, type RelatedTie } from './related-parties.js';
export { latestFacts, organizationIdByUscc, type LatestFact } from './latest-facts.js';
export { publicOrganizations, type PublicOrganization } from './public-organizations.js';
export { organizationPolicy, noOrganization, mayApplyFor } from './organizations.policies.js';
export { listMembershipsOfUser, memberOrganizationIdsSql } from './organizations.service.js';
export { personPolicy, ecosystemRecordPolicy } from './people.policies.js';
export { exchangePolicy } from './exchange/exchange.policies.js';
export { datedFacts, type DatedFact } from './dated-facts.js';
export { recordedDegrees, type RecordedDegree } from './recorded-degrees.js';
export { refreshStaleSummaries } from './summary-refresh.js';

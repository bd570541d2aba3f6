import { eq } from 'drizzle-orm';
import type { OrgRole } from '../../../contracts/auth.js';
import type { Capabilities, HubSection } from '../../../contracts/capabilities.js';
import type { Db } from '../../db/connection.js';
import { apiTokensPolicy } from '../../platform/api-tokens/index.js';
import { auditLogPolicy } from '../../platform/audit/audit.policies.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { budgetPolicy } from '../budget/index.js';
import {
  ecosystemRecordPolicy,
  exchangePolicy,
  listMembershipsOfUser,
  mayApplyFor,
  noOrganization,
  organizationPolicy,
  personPolicy,
} from '../ecosystem/index.js';
import { computeAdminPolicy, usagePolicy } from '../compute/index.js';
import { findingPolicy } from '../obligations/index.js';
import { dashboardPolicy } from '../open-data/index.js';
import { spaceTreePolicy, tenancyPolicy } from '../spaces/index.js';
import { applicationPolicy, programPolicy } from '../programs/index.js';
import { reviewPolicy } from '../reviews/index.js';
import { stationAdminPolicy, stationPolicy, stayBookingPolicy } from '../stays/index.js';
import { talentPolicy } from '../talent/index.js';
import { hubPolicy, hubSecurityPolicy, staffPolicy } from './hubs.policies.js';

/** Asks each module's policy what this actor may do in the hub (no object in hand: the general case). */
export async function capabilitiesOf(db: Db, hub: HubRow, actor: Actor, grantedRoles: number): Promise<Omit<Capabilities, 'mustEnrolTwoFactor'>> {
  const signedIn = actor.userId !== null;
  const [user] = signedIn ? await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, actor.userId!)) : [];
  const org = noOrganization;
  const memberships = signedIn ? await listMembershipsOfUser(db, actor.userId!, [hub.id]) : [];
  const member = memberships.length > 0;
  // Whether the caller may act for any of their companies (owner or "can apply"), as companyStanding says of one.
  const actsForACompany = memberships.some((m) => mayApplyFor(m.role as OrgRole));
  const anyOwnership = { own: false, assigned: true };
  const actions: Capabilities['actions'] = {
    organizations: {
      create: organizationPolicy.can(actor, 'create', org),
      listAll: organizationPolicy.can(actor, 'list_all', org),
      import: ecosystemRecordPolicy.can(actor, 'create', null),
      export: exchangePolicy.can(actor, 'export', null),
      update: organizationPolicy.can(actor, 'update', org),
      addMember: organizationPolicy.can(actor, 'add_member', org),
    },
    people: { read: personPolicy.can(actor, 'read', null), create: personPolicy.can(actor, 'create', null) },
    programs: { create: programPolicy.can(actor, 'write', { published: false }), readDrafts: programPolicy.can(actor, 'read', { published: false }) },
    applications: {
      submit: applicationPolicy.can(actor, 'submit', { own: true }),
      listAll: applicationPolicy.can(actor, 'list_all', { own: false }),
      decide: reviewPolicy.can(actor, 'decide', { own: false, assigned: false }),
      assignReviewers: reviewPolicy.can(actor, 'assign', { own: false, assigned: false }),
      pay: reviewPolicy.can(actor, 'pay', { own: false, assigned: false }),
      review: reviewPolicy.can(actor, 'review', anyOwnership),
    },
    budget: { read: budgetPolicy.can(actor, 'read', null), write: budgetPolicy.can(actor, 'write', null) },
    obligations: {
      read: findingPolicy.can(actor, 'read', { own: false, decided: false }),
      decide: findingPolicy.can(actor, 'decide', { own: false, decided: false }),
    },
    compute: { manage: computeAdminPolicy.can(actor, 'manage', {}), reportUsage: usagePolicy.can(actor, 'report', { provider: false }) },
    spaces: {
      ask: tenancyPolicy.can(actor, 'ask', { reads: member, acts: actsForACompany, operates: false }),
      operate: spaceTreePolicy.can(actor, 'operate', { operates: true }),
      openPark: spaceTreePolicy.can(actor, 'open_park', { operates: false }),
    },
    stations: {
      book: stationPolicy.can(actor, 'book', { manages: false }),
      run: stationPolicy.can(actor, 'run', { manages: true }),
      // Any station's desk, not only one's own, for whoever reads every station and opens none (the
      // auditor); a hub admin administers the stations instead. Then checking guests in and out.
      anyDesk: stationPolicy.can(actor, 'run', { manages: false }) && !stationAdminPolicy.can(actor, 'create', null),
      frontDesk: stayBookingPolicy.can(actor, 'front_desk', { own: false, manages: true }),
      open: stationAdminPolicy.can(actor, 'create', null),
    },
    talent: {
      read: talentPolicy.can(actor, 'read', null),
      assess: talentPolicy.can(actor, 'assess', null),
      editCatalogue: talentPolicy.can(actor, 'edit_catalogue', null),
      rotateKeys: talentPolicy.can(actor, 'rotate_keys', null),
      resolveClaims: talentPolicy.can(actor, 'resolve_claims', null),
    },
    staff: { read: staffPolicy.can(actor, 'read', null), invite: staffPolicy.can(actor, 'invite', null), manage: staffPolicy.can(actor, 'manage', null) },
    apiTokens: { manage: apiTokensPolicy.can(actor, 'manage', null) },
    audit: { read: auditLogPolicy.can(actor, 'read', null) },
    hub: {
      updateSettings: hubPolicy.can(actor, 'update_settings', null),
      archive: hubPolicy.can(actor, 'archive', null),
      create: hubPolicy.can(actor, 'create', null),
      readSecurity: hubSecurityPolicy.can(actor, 'read', null),
      updateSecurity: hubSecurityPolicy.can(actor, 'update', null),
    },
  };
  const isStaff = actor.hubRoles.length > 0;
  const show: Record<HubSection, boolean> = {
    organizations: signedIn,
    people: actions.people.read,
    // Graduates' claims to person records: whoever may list them (talent's personal-data readers).
    'identity-claims': actions.talent.read,
    'talent-pipeline': signedIn,
    compare: signedIn,
    search: signedIn,
    import: actions.organizations.import,
    budget: actions.budget.read,
    programs: true,
    applications: signedIn,
    reviews: actions.applications.review,
    obligations: actions.obligations.read,
    // Youth stations are for applicants; staff work at the desk.
    stays: actions.stations.book && !isStaff,
    'station-desk': actions.stations.run,
    spaces: actions.spaces.ask,
    'space-desk': actions.spaces.operate,
    // A company's own compute (its requests, quota, usage, voucher); the operator works at the desk.
    compute: member && !isStaff,
    'compute-desk': actions.compute.manage,
    staff: actions.staff.read,
    settings: actions.hub.updateSettings,
    security: actions.hub.readSecurity,
    'api-tokens': actions.apiTokens.manage,
    dashboard: dashboardPolicy.can(actor, 'read', null),
    audit: actions.audit.read,
  };
  return {
    hub: hub.slug,
    signedIn,
    roles: [...actor.hubRoles],
    suspended: actor.hubRoles.length === 0 && grantedRoles > 0,
    operator: actor.operator === true,
    emailVerified: user?.verified ?? false,
    sections: (Object.keys(show) as HubSection[]).filter((k) => show[k]),
    actions,
  };
}

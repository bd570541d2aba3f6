import { describe, expect, it } from 'vitest';
import { hubRoles, type HubRole } from '../../contracts/auth.js';
import { budgetPolicy } from '../modules/budget/budget.policies.js';
import { companyComputePolicy, computeAdminPolicy, usagePolicy } from '../modules/compute/compute.policies.js';
import { exchangePolicy } from '../modules/ecosystem/exchange/exchange.policies.js';
import { organizationPolicy, type OrganizationSubject } from '../modules/ecosystem/organizations.policies.js';
import { ecosystemRecordPolicy, personPolicy } from '../modules/ecosystem/people.policies.js';
import { hubPolicy, hubSecurityPolicy, staffPolicy } from '../modules/hubs/hubs.policies.js';
import { findingPolicy } from '../modules/obligations/obligations.policies.js';
import { matchPolicy } from '../modules/programs/matches.policies.js';
import { applicationPolicy, programPolicy } from '../modules/programs/programs.policies.js';
import { reviewPolicy } from '../modules/reviews/reviews.policies.js';
import { spaceTreePolicy, tenancyPolicy } from '../modules/spaces/spaces.policies.js';
import { stationAdminPolicy, stationPolicy, stayBookingPolicy } from '../modules/stays/stays.policies.js';
import { talentPolicy } from '../modules/talent/talent.policies.js';
import { apiTokensPolicy } from './api-tokens/api-tokens.policies.js';
import { auditLogPolicy } from './audit/audit.policies.js';
import { AppError } from './errors.js';
import { onlyAuditor, type Actor, type Policy } from './policies.js';

const anonymous: Actor = { userId: null, hubRoles: [] };
const applicant: Actor = { userId: 'u1', hubRoles: [] };
const staff = (role: HubRole): Actor => ({ userId: 's1', hubRoles: [role] });
const stranger: OrganizationSubject = { memberRole: null };
const member: OrganizationSubject = { memberRole: 'applicant' };
const owner: OrganizationSubject = { memberRole: 'owner' };

describe('organisation policy table', () => {
  const can = organizationPolicy.can;

  it('anyone may read the public register; only signed-in users may register', () => {
    expect(can(anonymous, 'list_public', stranger)).toBe(true);
    expect(can(anonymous, 'create', stranger)).toBe(false);
    expect(can(applicant, 'create', stranger)).toBe(true);
  });

  it('every staff role reads all organisations of its hub; applicants only their own', () => {
    for (const role of hubRoles) {
      expect(can(staff(role), 'list_all', stranger)).toBe(true);
      expect(can(staff(role), 'read', stranger)).toBe(true);
    }
    expect(can(applicant, 'list_all', stranger)).toBe(false);
    expect(can(applicant, 'read', stranger)).toBe(false);
    expect(can(applicant, 'read', member)).toBe(true);
  });

  it('owners, hub admins and program officers update; members and auditors do not', () => {
    expect(can(applicant, 'update', owner)).toBe(true);
    expect(can(applicant, 'update', member)).toBe(false);
    expect(can(staff('hub_admin'), 'update', stranger)).toBe(true);
    expect(can(staff('program_officer'), 'update', stranger)).toBe(true);
    expect(can(staff('auditor'), 'update', stranger)).toBe(false);
    expect(can(staff('reviewer'), 'update', stranger)).toBe(false);
  });

  it('only hub admins add members directly; owners invite them (manage_members)', () => {
    expect(can(applicant, 'add_member', owner)).toBe(false);
    expect(can(applicant, 'manage_members', owner)).toBe(true);
    expect(can(applicant, 'add_member', member)).toBe(false);
    expect(can(staff('hub_admin'), 'add_member', stranger)).toBe(true);
    expect(can(staff('program_officer'), 'add_member', stranger)).toBe(false);
  });

  it('authorize hides what one may not read (404) and refuses what one may only read (403)', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return 'allowed';
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(codeOf(() => organizationPolicy.authorize(applicant, 'read', stranger))).toBe('NOT_FOUND');
    expect(codeOf(() => organizationPolicy.authorize(applicant, 'update', stranger))).toBe('NOT_FOUND');
    expect(codeOf(() => organizationPolicy.authorize(applicant, 'update', member))).toBe('FORBIDDEN');
    expect(codeOf(() => organizationPolicy.authorize(staff('auditor'), 'update', stranger))).toBe('FORBIDDEN');
    expect(codeOf(() => organizationPolicy.authorize(anonymous, 'read', stranger))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => organizationPolicy.authorize(applicant, 'update', owner))).toBe('allowed');
  });
});

describe('an account that is only the hub’s auditor (三员分立)', () => {
  const policies = {
    hub: hubPolicy,
    hubSecurity: hubSecurityPolicy,
    staff: staffPolicy,
    computeAdmin: computeAdminPolicy,
    companyCompute: companyComputePolicy,
    usage: usagePolicy,
    program: programPolicy,
    application: applicationPolicy,
    match: matchPolicy,
    review: reviewPolicy,
    stayBooking: stayBookingPolicy,
    station: stationPolicy,
    stationAdmin: stationAdminPolicy,
    talent: talentPolicy,
    budget: budgetPolicy,
    organization: organizationPolicy,
    person: personPolicy,
    ecosystemRecord: ecosystemRecordPolicy,
    exchange: exchangePolicy,
    spaceTree: spaceTreePolicy,
    tenancy: tenancyPolicy,
    finding: findingPolicy,
    apiTokens: apiTokensPolicy,
    auditLog: auditLogPolicy,
  } as const;
  // A subject for which every condition of the tables holds (its own, assigned, managed, a member), and an owned organisation.
  const subjects = [new Proxy({}, { get: () => true }), { memberRole: 'owner' }, { memberRole: 'applicant' }] as never[];
  const mayTake = (actor: Actor) =>
    Object.fromEntries(
      Object.entries(policies).map(([name, policy]) => {
        const actions = [...new Set(policy.rules.map((r) => r.action))];
        return [name, actions.filter((action) => subjects.some((s) => (policy as Policy<never>).can(actor, action, s)))];
      }),
    );

  it('may take only actions that change nothing, whatever any signed-in person, owner or member may do', () => {
    const auditor: Actor = { userId: 'a1', hubRoles: ['auditor'] };
    expect(mayTake(auditor)).toEqual({
      hub: [],
      hubSecurity: ['read'],
      staff: ['read'],
      computeAdmin: ['read'],
      companyCompute: ['read'],
      usage: ['read'],
      program: ['read', 'read_rules'],
      application: ['read', 'list_all'],
      match: ['read'],
      review: ['read'],
      stayBooking: ['read'],
      // The station desk's view (occupancy, bookings); checking guests in is the booking's front_desk.
      station: ['read', 'run'],
      stationAdmin: [],
      talent: ['read_catalogue', 'read'],
      budget: ['read'],
      organization: ['list_public', 'list_all', 'read'],
      person: ['read'],
      ecosystemRecord: ['read'],
      exchange: ['export'],
      spaceTree: ['read'],
      tenancy: ['read'],
      finding: ['read'],
      apiTokens: [],
      auditLog: ['read', 'export'],
    });
  });

  it('keeps what another role it holds in the hub allows, as the write guard lets it', () => {
    const auditorAndReviewer: Actor = { userId: 'a2', hubRoles: ['auditor', 'reviewer'] };
    const auditorAndOfficer: Actor = { userId: 'a3', hubRoles: ['auditor', 'program_officer'] };
    const everything = subjects[0]!;
    expect(onlyAuditor(auditorAndReviewer)).toBe(false);
    expect(reviewPolicy.can(auditorAndReviewer, 'review', everything)).toBe(true);
    expect(programPolicy.can(auditorAndOfficer, 'write', everything)).toBe(true);
    expect(organizationPolicy.can(auditorAndOfficer, 'create', stranger)).toBe(true);
    expect(applicationPolicy.can(auditorAndOfficer, 'submit', everything)).toBe(true);
    // The auditor alone: none of these, though any signed-in person may register and apply.
    const auditor: Actor = { userId: 'a1', hubRoles: ['auditor'] };
    expect(organizationPolicy.can(auditor, 'create', stranger)).toBe(false);
    expect(applicationPolicy.can(auditor, 'submit', everything)).toBe(false);
    expect(stationPolicy.can(auditor, 'book', everything)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { hubRoles, type HubRole } from '../../contracts/auth.js';
import { organizationPolicy, type OrganizationSubject } from '../modules/ecosystem/organizations.policies.js';
import { AppError } from './errors.js';
import type { Actor } from './policies.js';

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

  it('owners and hub admins add members', () => {
    expect(can(applicant, 'add_member', owner)).toBe(true);
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

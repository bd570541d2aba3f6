import type { StaffInvitation, StaffMember as StaffMemberShape } from '../../../contracts/staff.js';
import type { InvitationRow } from './invitations.service.js';
import type { StaffMember } from './staff.service.js';

export function presentStaffMember(m: StaffMember): StaffMemberShape {
  return { ...m, lastSignInAt: m.lastSignInAt?.toISOString() ?? null, twoFactor: m.twoFactor };
}

export function presentInvitation(r: InvitationRow): StaffInvitation {
  return { id: r.id, email: r.email, roles: r.roles as StaffInvitation['roles'], expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString() };
}

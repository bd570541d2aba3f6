import { z } from 'zod';
import { hubRoles } from './auth.js';
import { bilingualNameSchema } from './common.js';
import { PASSWORD_MAX_LENGTH } from './auth.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { isoDateTime } from './dates.js';

const roleSchema = z.enum(hubRoles);

export const staffMemberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    roles: z.array(roleSchema),
    suspended: z.boolean(),
    lastSignInAt: isoDateTime().nullable(),
    twoFactor: z.boolean().nullable().meta({ description: 'Whether the account signs in with a second factor (TOTP)' }),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffInvitationSchema = z
  .object({ id: z.uuid(), email: z.string(), roles: z.array(roleSchema), expiresAt: isoDateTime(), createdAt: isoDateTime() })
  .meta({ id: 'StaffInvitation' });
export type StaffInvitation = z.infer<typeof staffInvitationSchema>;

/** The staff list a page at a time, optionally only those whose name or e-mail contains `q`. */
export const staffListQuerySchema = cursorQuerySchema.extend({
  q: z.string().trim().max(100).optional().meta({ description: 'Only people whose name or e-mail address contains this (any case)' }),
});
export type StaffListQuery = z.output<typeof staffListQuerySchema>;

export const staffListSchema = cursorPageOf(staffMemberSchema).meta({ id: 'StaffList' });
export const staffInvitationListSchema = cursorPageOf(staffInvitationSchema).meta({ id: 'StaffInvitationList' });

export const inviteStaffInputSchema = z
  .strictObject({ email: z.email().max(254), roles: z.array(roleSchema).min(1).max(hubRoles.length) })
  .meta({ id: 'InviteStaffInput' });

export const grantRoleInputSchema = z.strictObject({ role: roleSchema }).meta({ id: 'GrantRoleInput' });
export const staffMemberParamsSchema = z.object({ hub: z.string(), userId: z.uuid() });

/** What the holder of an invitation link sees before accepting. */
export const invitationPreviewSchema = z
  .object({
    hub: z.object({ slug: z.string(), name: bilingualNameSchema }),
    email: z.string(),
    roles: z.array(roleSchema),
    expiresAt: isoDateTime(),
    needsAccount: z.boolean().meta({ description: 'No account has this address yet: accepting creates one with the name and password given' }),
  })
  .meta({ id: 'StaffInvitationPreview' });

export const invitationTokenQuerySchema = z.object({ token: z.string().min(20).max(200) });

export const acceptInvitationInputSchema = z
  .strictObject({
    token: z.string().min(20).max(200),
    name: z.string().trim().min(1).max(120).optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  })
  .meta({ id: 'AcceptInvitationInput' });

export const acceptedInvitationSchema = z.object({ hub: z.string(), roles: z.array(roleSchema), email: z.string() }).meta({ id: 'AcceptedInvitation' });

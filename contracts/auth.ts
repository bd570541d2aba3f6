import { z } from 'zod';

/** NIST SP 800-63B: length is what counts; no composition rules. */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export const hubRoles = [
  'hub_admin',
  'security_admin',
  'program_officer',
  'reviewer',
  'finance_officer',
  'station_manager',
  'space_manager',
  'compute_operator',
  'auditor',
] as const;
export type HubRole = (typeof hubRoles)[number];

/**
 * The three administrators (三员分立, GB/T 22239-2019 8.1.4.2): the system administrator
 * (hub_admin), the security administrator (roles, tokens, 2FA settings, key rotation) and
 * the auditor. No account holds two of them in one hub.
 */
export const adminDuties = ['hub_admin', 'security_admin', 'auditor'] as const satisfies readonly HubRole[];

/** A company's people: its owner(s), colleagues who may apply for it, and colleagues who may only look. */
export const orgRoles = ['owner', 'applicant', 'viewer'] as const;
export type OrgRole = (typeof orgRoles)[number];

/** Who may act in a company's name (apply, ask for space or compute, accept, report): its owners and "can apply" colleagues; a "can view" colleague only reads. */
export const mayApplyFor = (role: OrgRole | null): boolean => role === 'owner' || role === 'applicant';

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.email(), name: z.string(), emailVerified: z.boolean() }),
    operator: z.boolean().meta({ description: 'A deployment operator: may open and archive hubs' }),
    hubs: z.array(z.object({ slug: z.string(), roles: z.array(z.enum(hubRoles)) })),
    organizations: z.array(z.object({ hub: z.string(), id: z.uuid(), name: z.object({ zh: z.string(), en: z.string() }), role: z.enum(orgRoles) })),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

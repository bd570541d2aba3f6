import { z } from 'zod';

/** NIST SP 800-63B: length is what counts; no composition rules. */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export const hubRoles = [
  'hub_admin',
  'program_officer',
  'reviewer',
  'finance_officer',
  'station_manager',
  'space_manager',
  'compute_operator',
  'auditor',
] as const;
export type HubRole = (typeof hubRoles)[number];

export const orgRoles = ['owner', 'member'] as const;
export type OrgRole = (typeof orgRoles)[number];

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.email(), name: z.string() }),
    hubs: z.array(z.object({ slug: z.string(), roles: z.array(z.enum(hubRoles)) })),
    organizations: z.array(
      z.object({ hub: z.string(), id: z.uuid(), name: z.object({ zh: z.string(), en: z.string() }), role: z.enum(orgRoles) }),
    ),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

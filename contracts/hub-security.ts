import { z } from 'zod';
import { hubRoles } from './auth.js';

/** A hub's sign-in rules (issue 16, MLPS level 3): second factor per role, session limits. */
export const hubSecuritySchema = z
  .strictObject({
    twoFactorRoles: z
      .array(z.enum(hubRoles))
      .max(hubRoles.length)
      .refine((roles) => new Set(roles).size === roles.length, 'each role once')
      .meta({ description: 'Staff roles that must sign in with a second factor (TOTP); empty: none' }),
    idleMinutes: z.number().int().min(5).max(1440).nullable().meta({ description: 'A session unused this long ends; null: no idle limit' }),
    absoluteHours: z
      .number()
      .int()
      .min(1)
      .max(168)
      .nullable()
      .meta({ description: 'A session ends this long after sign-in whatever its use; null: the default week' }),
  })
  .meta({ id: 'HubSecurity', examples: [{ twoFactorRoles: ['hub_admin', 'finance_officer'], idleMinutes: 30, absoluteHours: 12 }] });
export type HubSecurity = z.infer<typeof hubSecuritySchema>;

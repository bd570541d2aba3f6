import { z } from 'zod';
import { hubRoles } from './auth.js';
import { reauthenticationSchema } from './auth-session.js';
import { hubParamsSchema } from './hubs.js';
import { cursorPageOf } from './pagination.js';
import { isoDateTime } from './dates.js';

/** Longest a token may live: a year. A machine client gets a new one before then. */
export const API_TOKEN_MAX_DAYS = 366;

/**
 * What a token acts for, beyond its roles, e.g. `{ kind: 'compute_provider', id }`: a
 * module may limit such a token to that subject's own things. Generic on purpose.
 */
export const apiTokenSubjectSchema = z
  .object({
    kind: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    id: z.uuid(),
  })
  .meta({ id: 'ApiTokenSubject' });
export type ApiTokenSubject = z.infer<typeof apiTokenSubjectSchema>;

export const apiTokenInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(hubRoles)).min(1).max(hubRoles.length),
    subject: apiTokenSubjectSchema.optional(),
    expiresAt: isoDateTime({ offset: true }).describe('When the token stops working; at most a year ahead'),
    confirm: reauthenticationSchema
      .optional()
      .describe('Your password (and a current code once you have a second factor): required of accounts with a second factor and in hubs that require one'),
  })
  .strict();
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    hint: z.string().describe('The last characters of the token, to tell tokens apart'),
    roles: z.array(z.enum(hubRoles)),
    subject: apiTokenSubjectSchema.nullable(),
    createdBy: z.string().describe('Name of the admin who made it'),
    createdAt: isoDateTime({ offset: true }),
    expiresAt: isoDateTime({ offset: true }),
    revokedAt: isoDateTime({ offset: true }).nullable(),
    lastUsedAt: isoDateTime({ offset: true }).nullable().describe('Recorded at most once a minute'),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The answer to creating a token: the only time its secret is shown. */
export const createdApiTokenSchema = z
  .object({
    token: apiTokenSchema,
    secret: z.string().describe('Send as `Authorization: Bearer <secret>`; shown once, never stored'),
  })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = cursorPageOf(apiTokenSchema);

export const apiTokenParamsSchema = hubParamsSchema.extend({ tokenId: z.uuid() });

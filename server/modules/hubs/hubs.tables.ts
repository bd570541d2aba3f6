import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

/**
 * An invitation to join a hub's staff: one-time (the link's token is stored only as its
 * sha256), expiring, for one address and a set of roles.
 */
export const hubInvitations = pgTable(
  'hub_invitations',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    roles: text('roles').array().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    unique('hub_invitations_token_key').on(t.hubId, t.tokenHash),
    index('hub_invitations_email_idx').on(t.hubId, t.email),
    check('hub_invitations_roles_check', sql`cardinality(${t.roles}) > 0`),
  ],
);

/**
 * A hub's sign-in rules: which staff roles must use a second factor, and how long a
 * session may stay idle or live at all in this hub (null: no limit beyond the default week).
 * No row: no extra rules (the demo hubs).
 */
export const hubSecuritySettings = pgTable(
  'hub_security_settings',
  {
    hubId: uuid('hub_id')
      .primaryKey()
      .references(() => hubs.id),
    twoFactorRoles: text('two_factor_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    idleMinutes: integer('idle_minutes'),
    absoluteHours: integer('absolute_hours'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('hub_security_idle_check', sql`${t.idleMinutes} IS NULL OR ${t.idleMinutes} BETWEEN 5 AND 1440`),
    check('hub_security_absolute_check', sql`${t.absoluteHours} IS NULL OR ${t.absoluteHours} BETWEEN 1 AND 168`),
  ],
);

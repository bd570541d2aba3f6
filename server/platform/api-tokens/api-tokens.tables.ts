import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { hubs } from '../tenancy/tenancy.tables.js';

/**
 * API tokens of machine clients, one hub each. The secret is never stored: only its
 * sha256 (`secret_hash`, hex). Each token acts as its own account (`user_id`, a user row
 * without a password), so audit events, idempotency keys and uploads name the token,
 * never the admin who made it. Its roles are its own, never grants of that account.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    hint: text('hint').notNull(),
    roles: text('roles').array().notNull(),
    subjectKind: text('subject_kind'),
    subjectId: uuid('subject_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('api_tokens_created_idx').on(t.hubId, t.createdAt),
    check('api_tokens_subject_check', sql`(${t.subjectKind} IS NULL) = (${t.subjectId} IS NULL)`),
  ],
);

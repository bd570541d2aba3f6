import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

export const organizations = pgTable(
  'organizations',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    uscc: text('uscc').notNull(),
    foundedOn: date('founded_on'),
    sectors: text('sectors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    headcount: integer('headcount'),
    website: text('website'),
    /** A code from the hub's list of districts (hubs.districts), or unknown. */
    district: text('district'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    unique('organizations_hub_uscc_key').on(t.hubId, t.uscc),
    index('organizations_hub_name_idx').on(t.hubId, t.nameEn, t.id),
    // Partial-name search ("robot", "机器") stays fast at 100k organisations.
    index('organizations_name_en_trgm_idx').using('gin', sql`${t.nameEn} gin_trgm_ops`),
    index('organizations_name_zh_trgm_idx').using('gin', sql`${t.nameZh} gin_trgm_ops`),
    index('organizations_sectors_idx').using('gin', t.sectors),
    check('organizations_kind_check', sql`${t.kind} IN ('startup','company','university','investor','compute_provider','government')`),
    check('organizations_headcount_check', sql`${t.headcount} IS NULL OR ${t.headcount} >= 0`),
  ],
);

export const organizationMembers = pgTable(
  'organization_members',
  {
    hubId: uuid('hub_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.organizationId, t.userId] }),
    foreignKey({ columns: [t.hubId, t.organizationId], foreignColumns: [organizations.hubId, organizations.id] }),
    index('organization_members_user_idx').on(t.hubId, t.userId),
    check('organization_members_role_check', sql`${t.role} IN ('owner','applicant','viewer')`),
  ],
);

/** An owner's invitation to a colleague: one-time (sha256 of the link's token), expiring. */
export const organizationInvitations = pgTable(
  'organization_invitations',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ columns: [t.hubId, t.organizationId], foreignColumns: [organizations.hubId, organizations.id] }),
    unique('organization_invitations_token_key').on(t.hubId, t.tokenHash),
    index('organization_invitations_org_idx').on(t.hubId, t.organizationId),
    check('organization_invitations_role_check', sql`${t.role} IN ('owner','applicant','viewer')`),
  ],
);

import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

/** The hub list is a global reference table (never points at hub tables). */
export const hubs = pgTable('hubs', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  country: text('country').notNull(),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  defaultLocale: text('default_locale').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Staff roles a user holds in one hub. */
export const hubRoleGrants = pgTable(
  'hub_role_grants',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.userId, t.role] }),
    index('hub_role_grants_user_idx').on(t.userId),
    check(
      'hub_role_grants_role_check',
      sql`${t.role} IN ('hub_admin','program_officer','reviewer','finance_officer','station_manager','space_manager','compute_operator','auditor')`,
    ),
  ],
);

import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

/** The hub list is a global reference table (never points at hub tables). */
export const hubs = pgTable(
  'hubs',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    country: text('country').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    defaultLocale: text('default_locale').notNull(),
    /** Two to four capital letters that start the hub's reference numbers (HZ-2026-000123). */
    code: text('code').notNull(),
    /** Month (1-12) the hub's fiscal year starts. */
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
    /** ISO weekdays (1 = Monday) that are working days. */
    workingDays: integer('working_days')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5}'::integer[]`),
    /** Public holidays falling on working days. */
    holidays: date('holidays')
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Weekend days worked in exchange for a holiday (调休). */
    makeUpWorkdays: date('make_up_workdays')
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** The hub's registered 360Giving prefix (grant ids `360G-<prefix>-<number>`); null: `DG-<SLUG>`. */
    openDataPrefix: text('open_data_prefix'),
    /** The districts organisations choose from: `{ code, name: { zh, en } }` in the hub's order. */
    districts: jsonb('districts')
      .$type<{ code: string; name: { zh: string; en: string } }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Default share of revenue for technology when opening a fiscal year (1500 = 15%). */
    techShareDefaultBp: integer('tech_share_default_bp').notNull().default(1500),
    /** An archived hub is read-only; hubs are never deleted. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('hubs_fiscal_year_start_check', sql`${t.fiscalYearStartMonth} BETWEEN 1 AND 12`),
    check('hubs_tech_share_check', sql`${t.techShareDefaultBp} BETWEEN 0 AND 10000`),
  ],
);

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
      sql`${t.role} IN ('hub_admin','security_admin','program_officer','reviewer','finance_officer','station_manager','space_manager','compute_operator','auditor')`,
    ),
  ],
);

/** Deployment operators create and archive hubs; they hold no hub role by being one. */
export const deploymentOperators = pgTable('deployment_operators', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A suspended account keeps its grants but acts in the hub with none of them. */
export const hubSuspensions = pgTable(
  'hub_suspensions',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    suspendedBy: uuid('suspended_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.userId] })],
);

import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

/** A program of a hub: what it gives, to whom, when, from which budget line. */
export const programs = pgTable(
  'programs',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull(),
    descriptionEn: text('description_en').notNull(),
    sectors: text('sectors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull().default('draft'),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    budgetLine: text('budget_line').notNull(),
    claimField: text('claim_field'),
    onePerApplicant: text('one_per_applicant').notNull().default('yes'),
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    check('programs_status_check', sql`${t.status} IN ('draft','published','closed')`),
    check('programs_window_check', sql`${t.opensOn} <= ${t.closesOn}`),
    check('programs_once_check', sql`${t.onePerApplicant} IN ('yes','no')`),
  ],
);

/** Rules are versioned: an application records the version it was judged by. */
export const programVersions = pgTable(
  'program_versions',
  {
    hubId: uuid('hub_id').notNull(),
    programId: uuid('program_id').notNull(),
    version: integer('version').notNull(),
    rules: jsonb('rules').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.programId, t.version] }),
    foreignKey({ name: 'program_versions_program_fk', columns: [t.hubId, t.programId], foreignColumns: [programs.hubId, programs.id] }),
  ],
);

/**
 * An application and, when approved, its award. `once_key` is set while an application
 * counts against "one per applicant" (approved or under review), so the unique index
 * refuses a second one even under concurrency; refused applications do not block.
 */
export const applications = pgTable(
  'applications',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    /** The short number people quote (HZ-2026-000123), from `application_counters`. */
    number: text('number').notNull(),
    programId: uuid('program_id').notNull(),
    programVersion: integer('program_version').notNull(),
    applicantType: text('applicant_type').notNull(),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    submittedBy: uuid('submitted_by').notNull(),
    status: text('status').notNull(),
    answers: jsonb('answers').notNull(),
    screening: jsonb('screening').notNull(),
    benefit: jsonb('benefit'),
    amount: bigint('amount', { mode: 'bigint' }),
    claimKey: text('claim_key'),
    onceKey: text('once_key'),
    commitmentId: uuid('commitment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'applications_program_fk', columns: [t.hubId, t.programId], foreignColumns: [programs.hubId, programs.id] }),
    uniqueIndex('applications_once_idx').on(t.hubId, t.programId, t.onceKey),
    uniqueIndex('applications_number_idx').on(t.hubId, t.number),
    index('applications_program_idx').on(t.hubId, t.programId, t.createdAt),
    index('applications_org_idx').on(t.hubId, t.organizationId),
    index('applications_person_idx').on(t.hubId, t.personId),
    index('applications_claim_idx').on(t.hubId, t.claimKey),
    // The public awards list and open data: a hub's awards newest first.
    index('applications_awards_idx')
      .on(t.hubId, t.createdAt, t.id)
      .where(sql`${t.commitmentId} IS NOT NULL`),
    // Rule-only: refused | approved. Reviewed: the workflow of reviews/workflow.ts.
    check(
      'applications_status_check',
      sql`${t.status} IN ('refused','approved','submitted','draft','screening','in_review','rejected','returned','awarded','in_payment','closed','withdrawn','appealed')`,
    ),
    check('applications_applicant_check', sql`num_nonnulls(${t.organizationId}, ${t.personId}) = 1`),
  ],
);

/** The last application number given in a hub and year (application-numbers.ts). */
export const applicationCounters = pgTable(
  'application_counters',
  {
    hubId: uuid('hub_id').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.year] }), check('application_counters_positive', sql`${t.lastNumber} > 0`)],
);

/**
 * What an award takes its turn on (migrations/0047, `dg_award_lock`): the applicant
 * (`applicant:<id>`) and the claim the answers name (`claim:<key>`). An approval locks its
 * rows before it reads the earlier awards it is priced on, so two approvals of one applicant
 * (the yearly cap) or one contract (one claim, one subsidy) take turns instead of each
 * pricing on a history without the other. A row is kept once made; it holds nothing else.
 */
export const awardLocks = pgTable(
  'award_locks',
  {
    hubId: uuid('hub_id').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.key] })],
);

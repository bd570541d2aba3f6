import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An award is an application whose commitment is in the ledger (commitment id =
 * application id). Its tranches, reports, recorded facts and claw-backs live here; the
 * money itself moves only through the budget module's ledger API.
 */

/**
 * One tranche of an award; `transfer_id` is fixed up front, so paying it twice is one
 * payment. It is null only for tranches a rule-only approval paid together with its
 * commitment (one transfer for all of them, made before tranches were recorded).
 */
export const awardTranches = pgTable(
  'award_tranches',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    condition: jsonb('condition'),
    dueOn: date('due_on'),
    status: text('status').notNull().default('waiting'),
    transferId: uuid('transfer_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: uuid('paid_by'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.applicationId, t.seq] }),
    index('award_tranches_waiting_idx')
      .on(t.hubId, t.applicationId)
      .where(sql`${t.status} = 'waiting'`),
    check('award_tranches_status_check', sql`${t.status} IN ('waiting','held','paid','cancelled')`),
    check('award_tranches_amount_check', sql`${t.amount} >= 0`),
    check('award_tranches_paid_check', sql`(${t.status} = 'paid') = (${t.paidAt} IS NOT NULL)`),
  ],
);

/** A report the awardee owes (per the program's milestones), and the officer's verdict. */
export const milestoneReports = pgTable(
  'milestone_reports',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    key: text('key').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('due'),
    text: text('text'),
    kpis: jsonb('kpis')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Files the submitter uploaded in this hub (a financial statement, a progress PDF), in their order. */
    attachments: uuid('attachments')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    note: text('note'),
    remindedOn: date('reminded_on'),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.applicationId, t.key] }),
    index('milestone_reports_due_idx')
      .on(t.hubId, t.dueOn)
      .where(sql`${t.status} IN ('due','returned')`),
    check('milestone_reports_status_check', sql`${t.status} IN ('due','submitted','accepted','returned')`),
    check('milestone_reports_attachments_check', sql`cardinality(${t.attachments}) <= 10`),
  ],
);

/** Facts recorded for an award's conditions (months of local social insurance). */
export const awardFacts = pgTable(
  'award_facts',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    kind: text('kind').notNull(),
    months: integer('months').notNull(),
    asOf: date('as_of').notNull(),
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('award_facts_app_idx').on(t.hubId, t.applicationId, t.kind, t.asOf),
    check('award_facts_kind_check', sql`${t.kind} IN ('social_insurance_months')`),
    check('award_facts_months_check', sql`${t.months} >= 0`),
  ],
);

/** Money taken back from an award on breach (the ledger holds the transfer). */
export const awardClawbacks = pgTable(
  'award_clawbacks',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('award_clawbacks_app_idx').on(t.hubId, t.applicationId),
    check('award_clawbacks_amount_check', sql`${t.amount} > 0`),
  ],
);

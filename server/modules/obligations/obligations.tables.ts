import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * After the money. An award's obligations (copied from its program version's rules when
 * the award is first checked, with their dates), the findings the daily check raises,
 * and the recoveries decided breaches owe. The money itself is in the ledger: a recovery's
 * id is its receivable transfer's id, each repayment's id its posting's.
 */

export const awardObligations = pgTable(
  'award_obligations',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    terms: jsonb('terms').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.applicationId, t.key] }),
    index('award_obligations_open_idx')
      .on(t.hubId, t.endsOn)
      .where(sql`${t.status} = 'open'`),
    check('award_obligations_status_check', sql`${t.status} IN ('open','met','breached')`),
    check('award_obligations_dates_check', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

export const obligationFindings = pgTable(
  'obligation_findings',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    seq: integer('seq').notNull(),
    applicationId: uuid('application_id').notNull(),
    obligationKey: text('obligation_key').notNull(),
    /** What the finding rests on (a fact's id, an award's id, a missed report's date): the same evidence is never raised twice. */
    fingerprint: text('fingerprint').notNull(),
    foundOn: date('found_on').notNull(),
    evidence: jsonb('evidence').notNull(),
    status: text('status').notNull().default('open'),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    breachOn: date('breach_on'),
    appealUntil: date('appeal_until'),
    appealReason: text('appeal_reason'),
    appealDecidedBy: uuid('appeal_decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('obligation_findings_seq_key').on(t.hubId, t.seq),
    uniqueIndex('obligation_findings_evidence_key').on(t.hubId, t.applicationId, t.obligationKey, t.fingerprint),
    foreignKey({
      name: 'obligation_findings_obligation_fk',
      columns: [t.hubId, t.applicationId, t.obligationKey],
      foreignColumns: [awardObligations.hubId, awardObligations.applicationId, awardObligations.key],
    }),
    index('obligation_findings_status_idx').on(t.hubId, t.status),
    check('obligation_findings_status_check', sql`${t.status} IN ('open','breach','dismissed','appealed','upheld','overturned')`),
  ],
);

export const recoveries = pgTable(
  'recoveries',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    findingId: uuid('finding_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    amountDue: bigint('amount_due', { mode: 'bigint' }).notNull(),
    repaid: bigint('repaid', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    writtenOff: bigint('written_off', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('due'),
    writeOffRequestedBy: uuid('write_off_requested_by'),
    writeOffReason: text('write_off_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('recoveries_finding_key').on(t.hubId, t.findingId),
    foreignKey({ name: 'recoveries_finding_fk', columns: [t.hubId, t.findingId], foreignColumns: [obligationFindings.hubId, obligationFindings.id] }),
    index('recoveries_application_idx').on(t.hubId, t.applicationId),
    check('recoveries_status_check', sql`${t.status} IN ('due','part_repaid','repaid','write_off_requested','written_off','cancelled')`),
    // Never more repaid and written off than was due: the tally's own guard, beside the ledger's.
    check('recoveries_tally_check', sql`${t.amountDue} > 0 AND ${t.repaid} >= 0 AND ${t.writtenOff} >= 0 AND ${t.repaid} + ${t.writtenOff} <= ${t.amountDue}`),
  ],
);

export const recoveryPayments = pgTable(
  'recovery_payments',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    recoveryId: uuid('recovery_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    receivedOn: date('received_on').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'recovery_payments_recovery_fk', columns: [t.hubId, t.recoveryId], foreignColumns: [recoveries.hubId, recoveries.id] }),
    check('recovery_payments_amount_check', sql`${t.amount} > 0`),
  ],
);

/** Outcome reports owed under a report_outcomes obligation: one a year while it runs. */
export const obligationReports = pgTable(
  'obligation_reports',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    obligationKey: text('obligation_key').notNull(),
    dueOn: date('due_on').notNull(),
    text: text('text'),
    /** Dated figures the awardee reports (headcount, revenue and funding raised in fen): they feed the outcome studies. */
    figures: jsonb('figures'),
    /** Files the submitter uploaded in this hub (an audited statement), in their order. */
    attachments: uuid('attachments')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    remindedOn: date('reminded_on'),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.applicationId, t.obligationKey, t.dueOn] }),
    check('obligation_reports_attachments_check', sql`cardinality(${t.attachments}) <= 10`),
    foreignKey({
      name: 'obligation_reports_obligation_fk',
      columns: [t.hubId, t.applicationId, t.obligationKey],
      foreignColumns: [awardObligations.hubId, awardObligations.applicationId, awardObligations.key],
    }),
  ],
);

export type FindingRow = typeof obligationFindings.$inferSelect;
export type RecoveryRow = typeof recoveries.$inferSelect;

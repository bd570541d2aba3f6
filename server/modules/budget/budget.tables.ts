import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

/** A hub's fiscal year: revenue x tech share = the envelope. */
export const fiscalYears = pgTable(
  'fiscal_years',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    revenueMinor: bigint('revenue_minor', { mode: 'bigint' }).notNull(),
    techShareBp: integer('tech_share_bp').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    unique('fiscal_years_hub_year_key').on(t.hubId, t.year),
    check('fiscal_years_share_check', sql`${t.techShareBp} BETWEEN 1 AND 10000`),
    check('fiscal_years_status_check', sql`${t.status} IN ('open','closed')`),
  ],
);

/**
 * TigerBeetle-style accounts: four running totals and limit flags that PostgreSQL
 * itself enforces. Money can only change these through ledger.ts, in the same
 * transaction as the transfer row that explains it.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    fiscalYearId: uuid('fiscal_year_id').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    debitsPending: bigint('debits_pending', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    debitsPosted: bigint('debits_posted', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    creditsPending: bigint('credits_pending', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    creditsPosted: bigint('credits_posted', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    debitsMustNotExceedCredits: boolean('debits_must_not_exceed_credits').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    unique('ledger_accounts_code_key').on(t.hubId, t.fiscalYearId, t.code),
    foreignKey({ name: 'ledger_accounts_year_fk', columns: [t.hubId, t.fiscalYearId], foreignColumns: [fiscalYears.hubId, fiscalYears.id] }),
    check('ledger_accounts_kind_check', sql`${t.kind} IN ('treasury','envelope','budget_line','award')`),
    check(
      'ledger_accounts_nonnegative_check',
      sql`${t.debitsPending} >= 0 AND ${t.debitsPosted} >= 0 AND ${t.creditsPending} >= 0 AND ${t.creditsPosted} >= 0`,
    ),
    // The limit: what is spent or reserved never exceeds what has come in.
    check('ledger_accounts_debit_limit_check', sql`NOT ${t.debitsMustNotExceedCredits} OR ${t.debitsPending} + ${t.debitsPosted} <= ${t.creditsPosted}`),
  ],
);

/** Immutable, append-only. The caller chooses the id, so a retry hits the primary key. */
export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    fiscalYearId: uuid('fiscal_year_id').notNull(),
    kind: text('kind').notNull(),
    debitAccountId: uuid('debit_account_id').notNull(),
    creditAccountId: uuid('credit_account_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    pendingId: uuid('pending_id'),
    reason: text('reason').notNull(),
    causeType: text('cause_type'),
    causeId: text('cause_id'),
    note: text('note'),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    // No foreign keys to the accounts: a key check locks the referenced account row (FOR
    // KEY SHARE) on every insert, turning each commit on a hot line into a multixact. The
    // same transaction updates both accounts and fails unless both rows exist, and
    // `ledger verify` re-derives every account from its transfers.
    foreignKey({ name: 'ledger_transfers_pending_fk', columns: [t.hubId, t.pendingId], foreignColumns: [t.hubId, t.id] }),
    // A pending transfer is voided at most once.
    uniqueIndex('ledger_transfers_void_once_idx')
      .on(t.hubId, t.pendingId)
      .where(sql`${t.kind} = 'void_pending'`),
    // A pending transfer's tranches (its post_pending transfers): the awards pages, the
    // open-data export and `ledger verify` read them by pending_id.
    index('ledger_transfers_tranches_idx')
      .on(t.hubId, t.pendingId)
      .where(sql`${t.kind} = 'post_pending'`),
    // Claw-backs and repayments by their cause (few rows): what an award gave back, for the
    // open-data export and the awards pages (commitment-transactions.ts).
    index('ledger_transfers_returns_idx')
      .on(t.hubId, t.causeType, t.causeId)
      .where(sql`(${t.kind} = 'posted' AND ${t.reason} = 'claw_back') OR (${t.kind} = 'post_pending' AND ${t.reason} = 'repayment')`),
    index('ledger_transfers_debit_idx').on(t.hubId, t.debitAccountId, t.createdAt),
    index('ledger_transfers_credit_idx').on(t.hubId, t.creditAccountId, t.createdAt),
    index('ledger_transfers_year_idx').on(t.hubId, t.fiscalYearId, t.createdAt),
    check('ledger_transfers_amount_check', sql`${t.amount} > 0`),
    check('ledger_transfers_distinct_check', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('ledger_transfers_kind_check', sql`${t.kind} IN ('posted','pending','post_pending','void_pending')`),
    check('ledger_transfers_pending_check', sql`(${t.kind} IN ('post_pending','void_pending')) = (${t.pendingId} IS NOT NULL)`),
  ],
);

/**
 * A commitment is a pending transfer that may be posted in tranches: `posted` can never
 * pass `amount`, and once released no tranche can follow.
 */
export const commitments = pgTable(
  'commitments',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    fiscalYearId: uuid('fiscal_year_id').notNull(),
    lineAccountId: uuid('line_account_id').notNull(),
    awardAccountId: uuid('award_account_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    posted: bigint('posted', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    released: boolean('released').notNull().default(false),
    causeType: text('cause_type').notNull(),
    causeId: text('cause_id').notNull(),
    // Closing a year with carry_forward releases this commitment and commits its unpaid rest
    // again in the next year: that commitment's id. Holders (an application, a voucher, a
    // lease) keep the id they were given; the ledger API follows this link to pay from it.
    carriedTo: uuid('carried_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'commitments_transfer_fk', columns: [t.hubId, t.id], foreignColumns: [ledgerTransfers.hubId, ledgerTransfers.id] }),
    foreignKey({ name: 'commitments_carried_to_fk', columns: [t.hubId, t.carriedTo], foreignColumns: [t.hubId, t.id] }),
    unique('commitments_carried_to_key').on(t.hubId, t.carriedTo),
    check('commitments_carried_check', sql`${t.carriedTo} IS NULL OR ${t.released}`),
    index('commitments_cause_idx').on(t.hubId, t.causeType, t.causeId),
    check('commitments_posted_check', sql`${t.posted} >= 0 AND ${t.posted} <= ${t.amount}`),
  ],
);

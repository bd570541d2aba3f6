import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid, type ExtraConfigColumn } from 'drizzle-orm/pg-core';
import { hubs } from '../tenancy/tenancy.tables.js';

/**
 * One outbox, kept in two tables only because Citus needs it: a message about a hub lives
 * with the hub's rows (distributed by hub_id, which may never be null and is in every key),
 * a message about an account (password reset, verification) has no hub and lives in a
 * global table. Both have these columns, these states and this index, and one job drains
 * both (deliver.ts).
 *
 * A row is written in the same transaction as what it tells of (an invitation), so a message
 * exists exactly when its cause does. Delivery is at least once: the row's id is the
 * message's Message-ID, so a resend after a crash is recognisable as the same message.
 */
const messageColumns = () => ({
  id: uuid('id').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  /** What caused it, e.g. program_invitation:<notification id>, password_reset. */
  cause: text('cause').notNull(),
  status: text('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

type MessageColumns = { nextAttemptAt: ExtraConfigColumn; status: ExtraConfigColumn };
const dueIndex = (name: string, t: MessageColumns) =>
  index(`${name}_due_idx`)
    .on(t.nextAttemptAt)
    .where(sql`${t.status} IN ('queued', 'sending')`);
const statusCheck = (name: string, t: MessageColumns) => check(`${name}_status_check`, sql`${t.status} IN ('queued', 'sending', 'sent', 'failed')`);

/** A hub's messages. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    ...messageColumns(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.id] }), dueIndex('email_outbox', t), statusCheck('email_outbox', t)],
);

/** Messages about an account, which belongs to no hub. */
export const accountEmailOutbox = pgTable('account_email_outbox', { ...messageColumns(), id: uuid('id').primaryKey() }, (t) => [
  dueIndex('account_email_outbox', t),
  statusCheck('account_email_outbox', t),
]);

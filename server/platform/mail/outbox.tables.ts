import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../tenancy/tenancy.tables.js';

/**
 * E-mail waiting to go out. A row is written in the same transaction as what it tells
 * of (an invitation), so a message exists exactly when its cause does; a job sends it.
 * Delivery is at least once: the row's id is the message's Message-ID, so a resend
 * after a crash is recognisable as the same message.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    /** What caused it, e.g. program_invitation:<notification id>. */
    cause: text('cause').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} IN ('queued', 'sending')`),
    check('email_outbox_status_check', sql`${t.status} IN ('queued', 'sending', 'sent', 'failed')`),
  ],
);

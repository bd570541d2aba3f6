import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/**
 * One row per (hub, caller, key): the first request's fingerprint and response. For a write
 * made by one SQL function (a booking, dg_stay_book_once) the response is that function's
 * result, which the route presents the same way for the first answer and each replay.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    hubId: uuid('hub_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../tenancy/tenancy.tables.js';

/**
 * A fixed-window count per hub and key (`takeHubLimit`): rows, not memory, so every
 * server of a deployment counts against one limit. One row per key, rewritten in place.
 */
export const hubRateCounts = pgTable(
  'hub_rate_counts',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.key] })],
);

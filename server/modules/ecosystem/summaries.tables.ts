import { bigint, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One counter per hub, raised in the same transaction as every write the ecosystem's
 * aggregates read (organisations, relations, facts, the dragon rule, imports).
 */
export const ecosystemVersions = pgTable('ecosystem_versions', {
  hubId: uuid('hub_id').primaryKey(),
  version: bigint('version', { mode: 'bigint' }).notNull(),
});

/**
 * The talent pipeline's and the hub comparison's aggregates as they stood at a version;
 * served only while the hub's counter still equals that version.
 */
export const ecosystemSummaries = pgTable(
  'ecosystem_summaries',
  {
    hubId: uuid('hub_id').notNull(),
    kind: text('kind').notNull(),
    version: bigint('version', { mode: 'bigint' }).notNull(),
    body: jsonb('body').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.kind] })],
);

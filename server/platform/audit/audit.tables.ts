import { bigint, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Append-only, hash-chained per hub. Payloads reference people by id, never by name. */
export const auditEvents = pgTable(
  'audit_events',
  {
    hubId: uuid('hub_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.seq] }), unique('audit_events_hub_id_key').on(t.hubId, t.id)],
);

/** The head of each hub's chain: locking it orders appends within one hub only. */
export const auditHeads = pgTable('audit_heads', {
  hubId: uuid('hub_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

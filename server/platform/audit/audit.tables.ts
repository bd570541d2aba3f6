import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** The columns of an audit event, the same in the live table and its archive (so archived events verify unchanged). */
const eventColumns = () => ({
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
});

/** Append-only, hash-chained per hub. Payloads reference people by id, never by name. */
export const auditEvents = pgTable(
  'audit_events',
  {
    ...eventColumns(),
    /** The hash function of this event's `hash` (sha256 or sm3): chains may mix suites. */
    hashAlg: text('hash_alg').notNull().default('sha256'),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.seq] }),
    unique('audit_events_hub_id_key').on(t.hubId, t.id),
    check('audit_events_hash_alg_check', sql`${t.hashAlg} IN ('sha256','sm3')`),
  ],
);

/** The head of each hub's chain: locking it orders appends within one hub only. */
export const auditHeads = pgTable('audit_heads', {
  hubId: uuid('hub_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Events past the online retention, moved here unchanged by the `audit-archive` job (never
 * deleted): same columns, same hashes, so the chain verifies across both tables.
 */
export const auditEventsArchive = pgTable(
  'audit_events_archive',
  {
    ...eventColumns(),
    hashAlg: text('hash_alg').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.seq] })],
);

/** How far each chain has been forwarded to the configured sink (syslog or HTTP). */
export const auditForwardCursors = pgTable(
  'audit_forward_cursors',
  {
    hubId: uuid('hub_id').notNull(),
    sink: text('sink').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.sink] })],
);

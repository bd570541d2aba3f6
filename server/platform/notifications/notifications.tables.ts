import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * In-app notifications: what a person should know in one hub (an invitation to apply,
 * a reminder, an offer). `kind` says how the web shows it; `payload` carries ids and
 * names only, and a `title` ({zh, en}) and `link` for kinds the web does not know.
 */
export const notifications = pgTable(
  'notifications',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    payload: jsonb('payload').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('notifications_user_idx').on(t.hubId, t.userId, t.createdAt),
    // One invitation per user and program: inviting again changes nothing.
    uniqueIndex('notifications_once_idx').on(t.hubId, t.userId, t.kind, t.subjectId),
  ],
);

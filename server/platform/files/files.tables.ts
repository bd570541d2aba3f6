import { sql } from 'drizzle-orm';
import { users } from '../auth/auth.tables.js';
import { hubs } from '../tenancy/tenancy.tables.js';
import { bigint, check, customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Uploaded files (application evidence, talent evidence, station photos), kept in
 * PostgreSQL with everything else: one backup, one transaction, no second store.
 * The media type is decided from the content when the file arrives.
 */
export const uploadedFiles = pgTable(
  'uploaded_files',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('uploaded_files_owner_idx').on(t.hubId, t.ownerId, t.createdAt),
    check('uploaded_files_size_check', sql`${t.size} = octet_length(${t.content})`),
  ],
);

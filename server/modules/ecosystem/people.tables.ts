import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

/** People of a hub's ecosystem. Personal data: staff only; never in the audit payload. */
export const people = pgTable(
  'people',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    bornOn: date('born_on'),
    talentTier: text('talent_tier'),
    /** AES-256-GCM ciphertext of the resident identity number (platform/crypto). */
    residentIdCipher: text('resident_id_cipher'),
    /** HMAC of the number: finds duplicates without decrypting. */
    residentIdDigest: text('resident_id_digest'),
    residentIdMasked: text('resident_id_masked'),
    /** The account of this person, when they use the platform themselves (talent, graduates). */
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    unique('people_hub_resident_id_key').on(t.hubId, t.residentIdDigest),
    unique('people_hub_user_key').on(t.hubId, t.userId),
    index('people_hub_name_idx').on(t.hubId, t.nameEn, t.id),
    index('people_name_en_trgm_idx').using('gin', sql`${t.nameEn} gin_trgm_ops`),
    index('people_name_zh_trgm_idx').using('gin', sql`${t.nameZh} gin_trgm_ops`),
    check('people_talent_tier_check', sql`${t.talentTier} IS NULL OR ${t.talentTier} IN ('A','B','C','D','E')`),
  ],
);

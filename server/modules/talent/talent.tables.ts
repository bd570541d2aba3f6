import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';

/** A degree of a person (talent profile): the stay rules and the talent catalogue read it. */
export const talentDegrees = pgTable(
  'talent_degrees',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    university: text('university').notNull(),
    level: text('level').notNull(),
    /** Graduation date; in the future for a student in their final year. */
    graduatesOn: date('graduates_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('talent_degrees_person_idx').on(t.hubId, t.personId),
    check('talent_degrees_level_check', sql`${t.level} IN ('junior_college','bachelor','master','doctorate')`),
  ],
);

/**
 * A graduate's claim to a person record of the hub: the resident id they gave is already
 * on that record (recorded by staff, or by another account first). Never linked on its
 * own: staff approve (the record becomes theirs) or reject. The graduate is answered as
 * if the number were new, so the claim itself is their only trace.
 */
export const talentIdentityClaims = pgTable(
  'talent_identity_claims',
  {
    hubId: uuid('hub_id')
      .notNull()
      .references(() => hubs.id),
    id: uuid('id').notNull(),
    /** The claimant's account. */
    userId: uuid('user_id').notNull(),
    /** The record that holds the resident id they gave. */
    personId: uuid('person_id').notNull(),
    status: text('status').notNull().default('pending'),
    note: text('note').notNull().default(''),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    // One open claim per account and record: giving the number again adds nothing.
    uniqueIndex('talent_identity_claims_open_idx')
      .on(t.hubId, t.userId, t.personId)
      .where(sql`${t.status} = 'pending'`),
    index('talent_identity_claims_status_idx').on(t.hubId, t.status, t.id),
    check('talent_identity_claims_status_check', sql`${t.status} IN ('pending','approved','rejected')`),
  ],
);

/** The rest of a talent profile: employer and evidence files (names of uploaded files). */
export const talentProfiles = pgTable(
  'talent_profiles',
  {
    hubId: uuid('hub_id').notNull(),
    personId: uuid('person_id').notNull(),
    employer: text('employer'),
    evidence: text('evidence')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.personId] })],
);

/** The hub's talent catalogue: per class A-E, the conditions any one of which qualifies. */
export const talentCatalogue = pgTable(
  'talent_catalogue',
  {
    hubId: uuid('hub_id').notNull(),
    tier: text('tier').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** [{ key, zh, en }] */
    conditions: jsonb('conditions').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.tier] }), check('talent_catalogue_tier_check', sql`${t.tier} IN ('A','B','C','D','E')`)],
);

/** An officer's decision on a person's tier, with the conditions met, evidence and validity. */
export const talentAssessments = pgTable(
  'talent_assessments',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    tier: text('tier').notNull(),
    decision: text('decision').notNull(),
    conditions: text('conditions').array().notNull(),
    evidence: text('evidence')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    officerId: uuid('officer_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('talent_assessments_person_idx').on(t.hubId, t.personId, t.createdAt),
    check('talent_assessments_tier_check', sql`${t.tier} IN ('A','B','C','D','E')`),
    check('talent_assessments_decision_check', sql`${t.decision} IN ('granted','refused')`),
    check('talent_assessments_validity_check', sql`${t.validFrom} <= ${t.validUntil}`),
  ],
);

/** A talent card: the signed credential issued from a granted assessment. */
export const talentCards = pgTable(
  'talent_cards',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    tier: text('tier').notNull(),
    expiresOn: date('expires_on').notNull(),
    kid: text('kid').notNull(),
    /** The signature algorithm (ed25519 or sm2) of the key that signed the token. */
    alg: text('alg').notNull().default('ed25519'),
    /** The signed token the QR carries (kept: a retired key's private half is not needed again). */
    token: text('token').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('talent_cards_person_idx').on(t.hubId, t.personId),
    index('talent_cards_assessment_idx').on(t.hubId, t.assessmentId),
  ],
);

/**
 * Signing keys per hub (Ed25519 or SM2, by the deployment's crypto suite), one id (kid) each. The newest unretired key signs; every
 * key's public half is kept, so a card signed before a rotation verifies until it expires.
 * The private half is stored encrypted (platform/crypto).
 */
export const talentSigningKeys = pgTable(
  'talent_signing_keys',
  {
    hubId: uuid('hub_id').notNull(),
    kid: text('kid').notNull(),
    /** ed25519 (PEM keys) or sm2 (hex keys, signed with the GM/T 0009 default ID). */
    alg: text('alg').notNull().default('ed25519'),
    publicKey: text('public_key').notNull(),
    privateKeyCipher: text('private_key_cipher').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.kid] }), check('talent_signing_keys_alg_check', sql`${t.alg} IN ('ed25519','sm2')`)],
);

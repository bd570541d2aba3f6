import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.tables.js';
import { people } from './people.tables.js';

/**
 * A tie from a person or an organisation to an organisation. Exactly one `from_*` is
 * set; both ends are foreign keys within the same hub, so a relation can never point
 * outside its hub or at nothing.
 */
export const relations = pgTable(
  'relations',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    fromPersonId: uuid('from_person_id'),
    fromOrganizationId: uuid('from_organization_id'),
    toOrganizationId: uuid('to_organization_id').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    title: text('title'),
    degree: text('degree'),
    round: text('round'),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }),
    currency: text('currency'),
    sourceUrl: text('source_url'),
    sourceNote: text('source_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'relations_from_person_fk', columns: [t.hubId, t.fromPersonId], foreignColumns: [people.hubId, people.id] }),
    foreignKey({ name: 'relations_from_org_fk', columns: [t.hubId, t.fromOrganizationId], foreignColumns: [organizations.hubId, organizations.id] }),
    foreignKey({ name: 'relations_to_org_fk', columns: [t.hubId, t.toOrganizationId], foreignColumns: [organizations.hubId, organizations.id] }),
    index('relations_to_idx').on(t.hubId, t.toOrganizationId, t.kind),
    index('relations_from_person_idx').on(t.hubId, t.fromPersonId, t.kind),
    index('relations_from_org_idx').on(t.hubId, t.fromOrganizationId, t.kind),
    check('relations_one_from_check', sql`num_nonnulls(${t.fromPersonId}, ${t.fromOrganizationId}) = 1`),
    check('relations_dates_check', sql`${t.endsOn} IS NULL OR ${t.startsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
    check('relations_kind_check', sql`${t.kind} IN ('founded','works_at','alumnus_of','invested_in','partners_with','supplies_to','spun_out_of')`),
    check('relations_amount_check', sql`(${t.amountMinor} IS NULL) = (${t.currency} IS NULL) AND (${t.amountMinor} IS NULL OR ${t.amountMinor} >= 0)`),
    check('relations_source_check', sql`${t.sourceUrl} IS NOT NULL OR ${t.sourceNote} IS NOT NULL`),
  ],
);

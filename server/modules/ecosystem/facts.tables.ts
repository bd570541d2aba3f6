import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.tables.js';

/** Dated, sourced facts about organisations; the latest per metric is the current one. */
export const organizationFacts = pgTable(
  'organization_facts',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    metric: text('metric').notNull(),
    asOf: date('as_of').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }),
    currency: text('currency'),
    quantity: numeric('quantity', { precision: 19, scale: 4 }),
    label: text('label'),
    sourceUrl: text('source_url'),
    sourceNote: text('source_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({ name: 'organization_facts_org_fk', columns: [t.hubId, t.organizationId], foreignColumns: [organizations.hubId, organizations.id] }),
    index('organization_facts_latest_idx').on(t.hubId, t.organizationId, t.metric, t.asOf),
    check(
      'organization_facts_value_check',
      sql`(${t.amountMinor} IS NOT NULL AND ${t.currency} IS NOT NULL AND ${t.quantity} IS NULL) OR (${t.amountMinor} IS NULL AND ${t.currency} IS NULL AND ${t.quantity} IS NOT NULL)`,
    ),
    check('organization_facts_metric_check', sql`${t.metric} IN ('headcount','valuation','revenue','funding_raised','market_share','registered_in_hub')`),
  ],
);

/** A hub's rule for which organisations count as "dragons" (see contracts DragonRule). */
export const dragonRules = pgTable('dragon_rules', {
  hubId: uuid('hub_id').primaryKey(),
  rule: jsonb('rule').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

import { doublePrecision, foreignKey, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { applications } from './programs.tables.js';

/**
 * How far a rule-only application the rules refused missed each numeric criterion it
 * failed (criterion-margins.ts): the applicant's value against the threshold, and the
 * shortfall over the threshold's size. Written with the refusal, never changed; the
 * outcome study reads it to find narrow misses.
 */
export const criterionMisses = pgTable(
  'criterion_misses',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    criterion: text('criterion').notNull(),
    /** The CEL path of the fact compared, e.g. `applicant.headcount`, `form.contract_amount`. */
    fact: text('fact').notNull(),
    op: text('op').notNull(),
    value: numeric('value').notNull(),
    threshold: numeric('threshold').notNull(),
    /** Shortfall / |threshold|; null when the threshold is 0. */
    relative: doublePrecision('relative'),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.applicationId, t.criterion] }),
    foreignKey({ name: 'criterion_misses_application_fk', columns: [t.hubId, t.applicationId], foreignColumns: [applications.hubId, applications.id] }),
  ],
);

import { foreignKey, index, integer, jsonb, pgTable, primaryKey, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { programVersions } from './programs.tables.js';

/**
 * A policy cost simulation an officer kept, attached to the program version it was run for
 * (contracts/saved-simulations.ts): the draft rules and assumed answers it tried, the
 * take-up rate, and the server's answer. Written once, never changed.
 */
export const savedSimulations = pgTable(
  'saved_simulations',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    programId: uuid('program_id').notNull(),
    programVersion: integer('program_version').notNull(),
    sameRules: boolean('same_rules').notNull(),
    rules: jsonb('rules').notNull(),
    assumedAnswers: jsonb('assumed_answers').notNull(),
    takeUpBasisPoints: integer('take_up_basis_points').notNull(),
    result: jsonb('result').notNull(),
    runBy: uuid('run_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    foreignKey({
      name: 'saved_simulations_version_fk',
      columns: [t.hubId, t.programId, t.programVersion],
      foreignColumns: [programVersions.hubId, programVersions.programId, programVersions.version],
    }),
    index('saved_simulations_program_idx').on(t.hubId, t.programId, t.id),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * "Policies find applicants": who qualifies for which open program, as the last matching
 * run found. One row per (program, applicant); rows of applicants or programs that no
 * longer qualify are removed by the next run. The reasons are not stored: a match passed
 * every criterion of its program version that does not read the form (matchReasons).
 * No foreign key to programs: a run writes hundreds of thousands of rows and the key
 * check per row cost a third of the time; programs are never deleted, and matches of a
 * program that closes are removed by the next run.
 */
export const programMatches = pgTable(
  'program_matches',
  {
    hubId: uuid('hub_id').notNull(),
    programId: uuid('program_id').notNull(),
    applicantType: text('applicant_type').notNull(),
    applicantId: uuid('applicant_id').notNull(),
    programVersion: integer('program_version').notNull(),
    /** Whether the applicant had applied when the run looked; listings check live. */
    applied: boolean('applied').notNull().default(false),
    matchedAt: timestamp('matched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.programId, t.applicantType, t.applicantId] }),
    index('program_matches_applicant_idx').on(t.hubId, t.applicantType, t.applicantId),
    check('program_matches_type_check', sql`${t.applicantType} IN ('organization','person')`),
  ],
);

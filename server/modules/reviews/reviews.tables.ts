import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, bigint } from 'drizzle-orm/pg-core';

/**
 * The reviewed workflow's history. The application's status itself lives on the
 * programs module's `applications` row (moved with a conditional UPDATE); these tables
 * keep who moved it and why, earlier answers, reviewers and decisions.
 */

/** Every status change of an application: from, to, the event, who and why. */
export const applicationTransitions = pgTable(
  'application_transitions',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    event: text('event').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    /** Money the event moved or put due (recoveries, repayments, write-offs), in fen. */
    amount: bigint('amount', { mode: 'bigint' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.id] }), index('application_transitions_app_idx').on(t.hubId, t.applicationId, t.createdAt)],
);

/** Answers as they were before each resubmission (version 1 = as first submitted). */
export const answerVersions = pgTable(
  'answer_versions',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    version: integer('version').notNull(),
    answers: jsonb('answers').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.applicationId, t.version] })],
);

/**
 * A reviewer on an application in one round (round 1; each appeal opens the next, with
 * reviewers who sat in no earlier round). A conflicted reviewer keeps a row with the
 * reason, so the exclusion is on record and they are never assigned again.
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    hubId: uuid('hub_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    round: integer('round').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    status: text('status').notNull(),
    conflict: jsonb('conflict'),
    scores: jsonb('scores'),
    totalBasisPoints: integer('total_basis_points'),
    comment: text('comment'),
    recommendation: text('recommendation'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.applicationId, t.round, t.reviewerId] }),
    index('review_assignments_reviewer_idx').on(t.hubId, t.reviewerId, t.status),
    check('review_assignments_status_check', sql`${t.status} IN ('assigned','submitted','conflicted')`),
    check('review_assignments_conflict_check', sql`(${t.status} = 'conflicted') = (${t.conflict} IS NOT NULL)`),
    check('review_assignments_review_check', sql`(${t.status} = 'submitted') = (${t.scores} IS NOT NULL)`),
  ],
);

/** Officers' decisions with their reasons (and the score and rank they were taken at); an approval above the threshold waits for a second one. */
export const applicationDecisions = pgTable(
  'application_decisions',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    amount: bigint('amount', { mode: 'bigint' }),
    /**
     * The application's review score when decided (mean of its last round's totals, basis
     * points) and its rank among the program's reviewed applications then (1 = best; ties share
     * a rank), kept for outcome studies; null when it had no submitted review.
     */
    scoreBasisPoints: integer('score_basis_points'),
    rank: integer('rank'),
    rankedAmong: integer('ranked_among'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    index('application_decisions_app_idx').on(t.hubId, t.applicationId, t.createdAt),
    check('application_decisions_outcome_check', sql`${t.outcome} IN ('approve','reject','return','second_approve','second_reject')`),
  ],
);

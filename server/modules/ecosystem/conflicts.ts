import { and, eq, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { people } from './people.tables.js';

/**
 * Conflicts of interest, read from the graph. A reviewer (a person) is conflicted with
 * an applicant when, counting only ties that were live within the window (ended on or
 * after `since`, or not ended):
 * - direct: the reviewer founded, works at or invested in the applicant organisation
 *   (for a person applicant: an organisation the applicant founded or works at);
 * - investor: the reviewer founded or works at an organisation that invested in it;
 * - alumni: the reviewer is an alumnus of the same university, same graduation year, as a
 *   founder of the applicant (for a person applicant: as the applicant).
 * One set-based query for any number of reviewers and applicants (the benchmark runs
 * 1,000 x 10,000); each hit says which tie caused it.
 */
export type ConflictHit = { reviewerPersonId: string; applicantId: string; kind: 'direct' | 'investor' | 'alumni'; relation: string; organizationId: string };

export async function findConflicts(
  db: Db | Tx,
  hubId: string,
  input: { reviewers: string[]; organizations: string[]; persons: string[]; since: string },
): Promise<ConflictHit[]> {
  if (!input.reviewers.length || (!input.organizations.length && !input.persons.length)) return [];
  const reviewers = sql`${`{${input.reviewers.join(',')}}`}::uuid[]`;
  const orgs = sql`${`{${input.organizations.join(',')}}`}::uuid[]`;
  const persons = sql`${`{${input.persons.join(',')}}`}::uuid[]`;
  const live = (alias: string) => sql.raw(`(${alias}.ends_on IS NULL OR ${alias}.ends_on >= `);
  const { rows } = await db.execute<{ reviewer: string; applicant: string; kind: ConflictHit['kind']; relation: string; org: string }>(sql`
    WITH targets AS (
      SELECT o AS applicant_id, o AS org_id, true AS is_org FROM unnest(${orgs}) o
      UNION ALL
      SELECT r.from_person_id, r.to_organization_id, false FROM relations r
      WHERE r.hub_id = ${hubId} AND r.from_person_id = ANY(${persons}) AND r.kind IN ('founded', 'works_at') AND ${live('r')}${input.since}::date)
    ),
    founders AS (
      SELECT t.applicant_id, r.from_person_id AS person_id FROM targets t
      JOIN relations r ON r.hub_id = ${hubId} AND r.to_organization_id = t.org_id AND r.kind = 'founded' AND r.from_person_id IS NOT NULL
      WHERE t.is_org
      UNION ALL
      SELECT p, p FROM unnest(${persons}) p
    ),
    mine AS (
      SELECT r.from_person_id AS reviewer, r.kind, r.to_organization_id AS org_id, r.ends_on FROM relations r
      WHERE r.hub_id = ${hubId} AND r.from_person_id = ANY(${reviewers}) AND r.kind IN ('founded', 'works_at', 'invested_in', 'alumnus_of') AND ${live('r')}${input.since}::date)
    ),
    -- Where and when the founders studied: few rows (the applicants' founders), so the
    -- classmates are found by a hash join on (university, year), never by reading every
    -- alumnus of a big university (MATERIALIZED keeps the planner from doing just that).
    founder_studies AS MATERIALIZED (
      SELECT f.applicant_id, f.person_id, al.to_organization_id AS org_id, date_part('year', al.ends_on) AS year FROM founders f
      JOIN relations al ON al.hub_id = ${hubId} AND al.from_person_id = f.person_id AND al.kind = 'alumnus_of' AND al.ends_on IS NOT NULL
    )
    SELECT DISTINCT * FROM (
      SELECT m.reviewer, t.applicant_id AS applicant, 'direct' AS kind, m.kind AS relation, m.org_id AS org
      FROM mine m JOIN targets t ON t.org_id = m.org_id
      WHERE m.kind <> 'alumnus_of'
      UNION ALL
      SELECT m.reviewer, t.applicant_id, 'investor', m.kind, m.org_id
      FROM mine m
      JOIN relations inv ON inv.hub_id = ${hubId} AND inv.from_organization_id = m.org_id AND inv.kind = 'invested_in' AND ${live('inv')}${input.since}::date)
      JOIN targets t ON t.org_id = inv.to_organization_id
      WHERE m.kind IN ('founded', 'works_at')
      UNION ALL
      SELECT m.reviewer, fs.applicant_id, 'alumni', 'alumnus_of', m.org_id
      FROM mine m JOIN founder_studies fs ON fs.org_id = m.org_id AND fs.year = date_part('year', m.ends_on) AND fs.person_id <> m.reviewer
      WHERE m.kind = 'alumnus_of' AND m.ends_on IS NOT NULL
    ) hits`);
  return rows.map((r) => ({ reviewerPersonId: r.reviewer, applicantId: r.applicant, kind: r.kind, relation: r.relation, organizationId: r.org }));
}

/** The person records linked to these accounts: user id -> person id. */
export async function personIdsOfUsers(db: Db | Tx, hubId: string, userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: people.userId, id: people.id })
    .from(people)
    .where(and(eq(people.hubId, hubId), inArray(people.userId, userIds)));
  return new Map(rows.map((r) => [r.userId!, r.id]));
}

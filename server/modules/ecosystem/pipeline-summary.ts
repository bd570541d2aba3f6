import { sql, type SQL } from 'drizzle-orm';
import type { TalentPipeline } from '../../../contracts/ecosystem-insights.js';
import type { Db, Tx } from '../../db/connection.js';
import { dragonIds } from './dragons.js';

const MAX_ORGS_LISTED = 50;
const MAX_EMPLOYERS = 20;
const MAX_UNIVERSITIES = 20;

type University = TalentPipeline['universities'][number];
type Employer = University['employers'][number];

type Listed = Omit<University, 'employers' | 'founderShare'>;

/** What one request reads of the stored summary: the first 20 universities, or the one asked for with its employers. */
export type PipelineView = { founders: number; dragons: number; universities: Listed[]; employers?: Employer[] };

/**
 * The talent pipeline as `summary` stores it (JSON), named: `head` is what the page first
 * shows (the first 20 universities); `universities` and `employers` are by university id,
 * so one university is read by key. Every key a request reads is a plain `->` path:
 * building a new JSON value from a large one in SQL costs more than the whole read.
 */
export type PipelineSummary = {
  head: { founders: number; dragons: number; universities: Listed[] };
  /** Every university with alumni or founders. */
  universities: Record<string, Listed>;
  /** Where each university's alumni work, most alumni first, then id; at most 20. */
  employers: Record<string, Employer[]>;
};

/** The part of the stored body a request needs, cut out in SQL so the rest is never sent or parsed. */
export function pipelineView(universityId?: string): (body: SQL) => SQL {
  if (!universityId) return (body) => sql`${body}->'head' AS head`;
  return (body) =>
    sql`${body}->'head'->'founders' AS founders, ${body}->'head'->'dragons' AS dragons,
      ${body}->'universities'->${universityId}::text AS university, ${body}->'employers'->${universityId}::text AS employers`;
}

export type PipelineViewRow = { head?: PipelineView; founders?: number; dragons?: number; university?: Listed | null; employers?: Employer[] | null };

/** The stored row's columns as `pipelineView` cut them, in one shape. */
export function fromView(row: PipelineViewRow): PipelineView {
  if (row.head) return row.head;
  return { founders: row.founders ?? 0, dragons: row.dragons ?? 0, universities: row.university ? [row.university] : [], employers: row.employers ?? [] };
}

/** `{zh, en}` of one row of `table` (organizations or people) of the hub, looked up by key. */
const nameOf = (hubId: string, table: SQL, id: SQL) =>
  sql`(SELECT jsonb_build_object('zh', n.name_zh, 'en', n.name_en) FROM ${table} n WHERE n.hub_id = ${hubId} AND n.id = ${id})`;

/**
 * The talent pipeline recomputed from relations, aggregated in the database: for each
 * university, its alumni, the founders among them, what they founded (dragons first, then
 * by id, at most 50, with their founders by id), where alumni work, with names.
 */
export async function computePipelineSummary(db: Db | Tx, hubId: string): Promise<PipelineSummary> {
  const dragons = [...(await dragonIds(db, hubId))];
  const { rows: universities } = await db.execute<Listed>(sql`
    WITH links AS MATERIALIZED (
      SELECT DISTINCT a.to_organization_id AS uni, f.from_person_id AS person, f.to_organization_id AS org
      FROM relations f
      JOIN relations a ON a.hub_id = f.hub_id AND a.from_person_id = f.from_person_id AND a.kind = 'alumnus_of'
      WHERE f.hub_id = ${hubId} AND f.kind = 'founded' AND f.from_person_id IS NOT NULL
    ), founded AS MATERIALIZED (
      SELECT uni, org, org = ANY(${sql.param(dragons)}::uuid[]) AS dragon FROM links GROUP BY uni, org
    ), ranked AS MATERIALIZED (
      SELECT uni, org, dragon FROM (
        SELECT uni, org, dragon, row_number() OVER (PARTITION BY uni ORDER BY dragon DESC, org) AS rank FROM founded
      ) r WHERE rank <= ${MAX_ORGS_LISTED}
    ), alumni AS (
      SELECT uni, count(*)::int AS n FROM (
        SELECT DISTINCT to_organization_id AS uni, from_person_id FROM relations WHERE hub_id = ${hubId} AND kind = 'alumnus_of'
      ) d GROUP BY 1
    ), founders AS (
      SELECT uni, count(DISTINCT person)::int AS n FROM links GROUP BY 1
    ), dragons AS (
      SELECT uni, count(*)::int AS n FROM founded WHERE dragon GROUP BY 1
    ), founders_of AS (
      SELECT r.uni, r.org, r.dragon,
             jsonb_agg(jsonb_build_object('id', l.person, 'name', ${nameOf(hubId, sql`people`, sql`l.person`)}) ORDER BY l.person) AS founders
      FROM ranked r JOIN links l ON l.uni = r.uni AND l.org = r.org GROUP BY r.uni, r.org, r.dragon
    ), listed AS (
      SELECT uni, jsonb_agg(jsonb_build_object('id', org, 'name', ${nameOf(hubId, sql`organizations`, sql`org`)}, 'dragon', dragon, 'founders', founders)
                            ORDER BY dragon DESC, org) AS organizations
      FROM founders_of GROUP BY uni
    )
    SELECT jsonb_build_object('id', uni, 'name', ${nameOf(hubId, sql`organizations`, sql`uni`)}) AS university, coalesce(a.n, 0) AS alumni,
           coalesce(f.n, 0) AS founders, coalesce(l.organizations, '[]'::jsonb) AS "foundedOrganizations", coalesce(d.n, 0) AS "dragonsFounded"
    FROM alumni a FULL JOIN founders f USING (uni) LEFT JOIN dragons d USING (uni) LEFT JOIN listed l USING (uni)
    ORDER BY 3 DESC, 2 DESC, uni`);
  const { rows: employers } = await db.execute<{ uni: string; employers: Employer[] }>(sql`
    WITH counted AS (
      SELECT a.to_organization_id AS uni, w.to_organization_id AS org, count(DISTINCT w.from_person_id)::int AS alumni,
             row_number() OVER (PARTITION BY a.to_organization_id ORDER BY count(DISTINCT w.from_person_id) DESC, w.to_organization_id) AS rank
      FROM relations a
      JOIN relations w ON w.hub_id = a.hub_id AND w.from_person_id = a.from_person_id AND w.kind = 'works_at'
      WHERE a.hub_id = ${hubId} AND a.kind = 'alumnus_of'
      GROUP BY 1, 2
    )
    SELECT uni, jsonb_agg(jsonb_build_object('id', org, 'name', ${nameOf(hubId, sql`organizations`, sql`org`)}, 'alumni', alumni) ORDER BY rank) AS employers
    FROM counted WHERE rank <= ${MAX_EMPLOYERS} GROUP BY uni`);
  const [totals] = (
    await db.execute<{ founders: number }>(sql`
      SELECT count(DISTINCT from_person_id)::int AS founders FROM relations
      WHERE hub_id = ${hubId} AND kind = 'founded' AND from_person_id IS NOT NULL`)
  ).rows;
  const founders = totals?.founders ?? 0;
  return {
    head: { founders, dragons: dragons.length, universities: universities.slice(0, MAX_UNIVERSITIES) },
    universities: Object.fromEntries(universities.map((u) => [u.university.id, u])),
    employers: Object.fromEntries(employers.map((e) => [e.uni, e.employers])),
  };
}

import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import type { OrganizationRecord, PersonRecord } from './applicant-facts.js';
import { organizationMembers, organizations } from './organizations.tables.js';
import { people } from './people.tables.js';
import { relations } from './relations.tables.js';

/**
 * Applicant records a page at a time, for matching runs over a whole hub: keyset by id,
 * one query for the page and one for what it needs beside (latest facts, degrees), never
 * a query per applicant. The records are the same shapes `organizationRecord` and
 * `personRecordOfUser` give.
 */

const DEGREE_ORDER = ['other', 'bachelor', 'master', 'doctorate'];

export async function organizationRecordsPage(db: Db | Tx, hubId: string, afterId: string | null, limit: number): Promise<OrganizationRecord[]> {
  // One statement: the page by id, and the latest fact per metric over the page's id range
  // (an index range scan, already in order) pivoted to one row per organisation.
  const { rows } = await db.execute<PageRow>(sql`
    WITH page AS (
      SELECT id, kind, sectors, founded_on, headcount, district FROM organizations
      WHERE hub_id = ${hubId} ${afterId ? sql`AND id > ${afterId}::uuid` : sql``}
      ORDER BY id LIMIT ${limit}
    ), latest AS (
      SELECT DISTINCT ON (organization_id, metric) organization_id, metric, amount_minor, quantity FROM organization_facts
      WHERE hub_id = ${hubId} ${afterId ? sql`AND organization_id > ${afterId}::uuid` : sql``} AND organization_id <= (SELECT id FROM page ORDER BY id DESC LIMIT 1)
      ORDER BY organization_id, metric, as_of DESC
    ), pivot AS (
      SELECT organization_id,
        max(amount_minor) FILTER (WHERE metric = 'valuation')::text AS valuation,
        max(amount_minor) FILTER (WHERE metric = 'revenue')::text AS revenue,
        max(amount_minor) FILTER (WHERE metric = 'funding_raised')::text AS funding_raised,
        max(quantity) FILTER (WHERE metric = 'market_share')::float8 AS market_share,
        max(quantity) FILTER (WHERE metric = 'headcount')::float8 AS latest_headcount
      FROM latest GROUP BY organization_id
    )
    SELECT p.id, p.kind, p.sectors, p.founded_on::text AS founded_on, p.headcount, p.district,
      f.valuation, f.revenue, f.funding_raised, f.market_share, f.latest_headcount
    FROM page p LEFT JOIN pivot f ON f.organization_id = p.id ORDER BY p.id`);
  return rows.map((r) => {
    const latest: OrganizationRecord['latest'] = {};
    if (r.valuation != null) latest.valuation = BigInt(r.valuation);
    if (r.revenue != null) latest.revenue = BigInt(r.revenue);
    if (r.funding_raised != null) latest.fundingRaised = BigInt(r.funding_raised);
    if (r.market_share != null) latest.marketShare = r.market_share;
    if (r.latest_headcount != null) latest.headcount = r.latest_headcount;
    return { id: r.id, kind: r.kind, sectors: r.sectors, foundedOn: r.founded_on, headcount: r.headcount, district: r.district, latest };
  });
}

type PageRow = {
  id: string;
  kind: string;
  sectors: string[];
  founded_on: string | null;
  headcount: number | null;
  district: string | null;
  valuation: string | null;
  revenue: string | null;
  funding_raised: string | null;
  market_share: number | null;
  latest_headcount: number | null;
};

/** People who use the platform themselves (an account link): person programs match them. */
export async function personRecordsPage(db: Db | Tx, hubId: string, afterId: string | null, limit: number): Promise<PersonRecord[]> {
  const rows = await db
    .select({ id: people.id, userId: people.userId, roles: people.roles, talentTier: people.talentTier, bornOn: people.bornOn })
    .from(people)
    .where(and(eq(people.hubId, hubId), isNotNull(people.userId), afterId ? gt(people.id, afterId) : undefined))
    .orderBy(asc(people.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const studies = await db
    .select({ person: relations.fromPersonId, degree: relations.degree, endsOn: relations.endsOn })
    .from(relations)
    .where(
      and(
        eq(relations.hubId, hubId),
        inArray(
          relations.fromPersonId,
          rows.map((r) => r.id),
        ),
        eq(relations.kind, 'alumnus_of'),
        sql`${relations.degree} IS NOT NULL`,
      ),
    );
  const highest = new Map<string, { degree: string; endsOn: string | null }>();
  for (const s of studies) {
    const best = highest.get(s.person!);
    if (!best || DEGREE_ORDER.indexOf(s.degree!) > DEGREE_ORDER.indexOf(best.degree)) highest.set(s.person!, { degree: s.degree!, endsOn: s.endsOn });
  }
  return rows.map((r) => ({ ...r, degree: highest.get(r.id)?.degree ?? null, graduatedOn: highest.get(r.id)?.endsOn ?? null }));
}

/** How many applicants a run will see, for progress bars. */
export async function countApplicants(db: Db | Tx, hubId: string): Promise<{ organizations: number; people: number }> {
  const [o] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organizations)
    .where(eq(organizations.hubId, hubId));
  const [p] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.hubId, hubId), isNotNull(people.userId)));
  return { organizations: o?.n ?? 0, people: p?.n ?? 0 };
}

/** The organisations a user is a member of, and the user's own person record, in one hub. */
export async function applicantIdsOfUser(db: Db | Tx, hubId: string, userId: string): Promise<{ organizationIds: string[]; personId: string | null }> {
  const orgs = await db
    .select({ id: organizationMembers.organizationId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.hubId, hubId), eq(organizationMembers.userId, userId)));
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.hubId, hubId), eq(people.userId, userId)));
  return { organizationIds: orgs.map((o) => o.id), personId: person?.id ?? null };
}

export type ApplicantName = { zh: string; en: string };

/** Names of organisations or people by id (people's names: the caller decides who may see them). */
export async function applicantNames(db: Db | Tx, hubId: string, type: 'organization' | 'person', ids: string[]): Promise<Map<string, ApplicantName>> {
  if (ids.length === 0) return new Map();
  const table = type === 'organization' ? organizations : people;
  const rows = await db
    .select({ id: table.id, zh: table.nameZh, en: table.nameEn })
    .from(table)
    .where(and(eq(table.hubId, hubId), inArray(table.id, ids)));
  return new Map(rows.map((r) => [r.id, { zh: r.zh, en: r.en }]));
}

/** Users to notify for an applicant: an organisation's members, or the person's own account. */
export async function usersOfApplicants(
  db: Db | Tx,
  hubId: string,
  type: 'organization' | 'person',
  ids: string[],
): Promise<{ applicantId: string; userId: string }[]> {
  if (ids.length === 0) return [];
  if (type === 'organization') {
    return db
      .select({ applicantId: organizationMembers.organizationId, userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.hubId, hubId), inArray(organizationMembers.organizationId, ids)));
  }
  const rows = await db
    .select({ applicantId: people.id, userId: people.userId })
    .from(people)
    .where(and(eq(people.hubId, hubId), inArray(people.id, ids), isNotNull(people.userId)));
  return rows.map((r) => ({ applicantId: r.applicantId, userId: r.userId! }));
}

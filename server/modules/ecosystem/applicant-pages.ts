import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import type { OrganizationRecord, PersonRecord } from './applicant-facts.js';
import { organizationFacts } from './facts.tables.js';
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
  const rows = await db
    .select({
      id: organizations.id,
      kind: organizations.kind,
      sectors: organizations.sectors,
      foundedOn: organizations.foundedOn,
      headcount: organizations.headcount,
      district: organizations.district,
    })
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), afterId ? gt(organizations.id, afterId) : undefined))
    .orderBy(asc(organizations.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const facts = await db
    .selectDistinctOn([organizationFacts.organizationId, organizationFacts.metric], {
      org: organizationFacts.organizationId,
      metric: organizationFacts.metric,
      amount: organizationFacts.amountMinor,
      quantity: organizationFacts.quantity,
    })
    .from(organizationFacts)
    // The page's id range, not a list of its ids: an index range scan, already in order.
    .where(
      and(
        eq(organizationFacts.hubId, hubId),
        afterId ? gt(organizationFacts.organizationId, afterId) : undefined,
        lte(organizationFacts.organizationId, rows.at(-1)!.id),
      ),
    )
    .orderBy(organizationFacts.organizationId, organizationFacts.metric, sql`${organizationFacts.asOf} DESC`);
  const latest = new Map<string, OrganizationRecord['latest']>();
  for (const f of facts) {
    const l = latest.get(f.org) ?? latest.set(f.org, {}).get(f.org)!;
    if (f.metric === 'valuation' && f.amount != null) l.valuation = f.amount;
    else if (f.metric === 'revenue' && f.amount != null) l.revenue = f.amount;
    else if (f.metric === 'funding_raised' && f.amount != null) l.fundingRaised = f.amount;
    else if (f.metric === 'market_share' && f.quantity != null) l.marketShare = Number(f.quantity);
    else if (f.metric === 'headcount' && f.quantity != null) l.headcount = Number(f.quantity);
  }
  return rows.map((r) => ({ ...r, latest: latest.get(r.id) ?? {} }));
}

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

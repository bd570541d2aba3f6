import { sql } from 'drizzle-orm';
import type { HubComparison } from '../../../contracts/ecosystem-insights.js';
import type { Sector } from '../../../contracts/organizations.js';
import type { Db, Tx } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { dragonIds } from './dragons.js';
import { namesOf } from './names.js';
import { summary } from './summaries.js';

/** One hub's comparison figures without names: what `summary` stores as JSON. */
export type ComparisonSummary = {
  organizations: number;
  bySector: { sector: Sector; organizations: number }[];
  byFoundingYear: { year: number; organizations: number }[];
  founderUniversities: { id: string; name: Name; founders: number }[];
  fundingRaised: { amountMinor: string; currency: string }[];
  /** By English name, then id. */
  dragons: { id: string; name: Name }[];
};
type Name = { zh: string; en: string };

/**
 * Side-by-side figures for several hubs, all aggregates (no personal data), each from
 * its hub's stored summary, names included (`summaries.ts`: exact as of the latest write,
 * else recomputed inside the hub, so every query stays routable by hub_id).
 */
export async function compareHubs(db: Db, hubs: HubRow[]): Promise<HubComparison> {
  return { hubs: await Promise.all(hubs.map((hub) => oneHub(db, hub))) };
}

async function oneHub(db: Db, hub: HubRow): Promise<HubComparison['hubs'][number]> {
  const { body: figures } = await summary<{ body: ComparisonSummary }>(db, hub.id, 'hub_comparison', (tx) => computeComparisonSummary(tx, hub.id));
  return { slug: hub.slug, name: { zh: hub.nameZh, en: hub.nameEn }, ...figures };
}

/** One hub's comparison figures recomputed from its organisations, relations and facts. */
export async function computeComparisonSummary(db: Db | Tx, hubId: string): Promise<ComparisonSummary> {
  const [totals] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hubId}`)).rows;
  const bySector = await db.execute<{ sector: Sector; n: number }>(sql`
    SELECT s AS sector, count(*)::int AS n FROM organizations, unnest(sectors) AS s
    WHERE hub_id = ${hubId} GROUP BY 1 ORDER BY 2 DESC, 1`);
  const byYear = await db.execute<{ year: number; n: number }>(sql`
    SELECT extract(year FROM founded_on)::int AS year, count(*)::int AS n FROM organizations
    WHERE hub_id = ${hubId} AND founded_on IS NOT NULL GROUP BY 1 ORDER BY 1`);
  const universities = await db.execute<{ uni: string; founders: number }>(sql`
    SELECT a.to_organization_id AS uni, count(DISTINCT f.from_person_id)::int AS founders
    FROM relations f
    JOIN relations a ON a.hub_id = f.hub_id AND a.from_person_id = f.from_person_id AND a.kind = 'alumnus_of'
    WHERE f.hub_id = ${hubId} AND f.kind = 'founded'
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`);
  // Money raised: investments recorded as relations, plus reported totals where a firm
  // has no recorded rounds (its latest funding_raised fact), per currency.
  const funding = await db.execute<{ currency: string; amount: string }>(sql`
    WITH rounds AS (
      SELECT to_organization_id AS org, currency, sum(amount_minor) AS amount FROM relations
      WHERE hub_id = ${hubId} AND kind = 'invested_in' AND amount_minor IS NOT NULL GROUP BY 1, 2
    ), reported AS (
      SELECT DISTINCT ON (organization_id) organization_id AS org, currency, amount_minor AS amount
      FROM organization_facts WHERE hub_id = ${hubId} AND metric = 'funding_raised'
      ORDER BY organization_id, as_of DESC, id
    )
    SELECT currency, sum(amount)::text AS amount FROM (
      SELECT org, currency, amount FROM rounds
      UNION ALL
      SELECT org, currency, amount FROM reported WHERE org NOT IN (SELECT org FROM rounds)
    ) t GROUP BY 1 ORDER BY 1`);
  const ids = await dragonIds(db, hubId);
  const names = await namesOf(db, hubId, { organizations: [...universities.rows.map((u) => u.uni), ...ids], people: [] });
  const nameOf = (id: string) => names.organizations.get(id) ?? { zh: '', en: '' };
  return {
    organizations: totals?.n ?? 0,
    bySector: bySector.rows.map((r) => ({ sector: r.sector, organizations: r.n })),
    byFoundingYear: byYear.rows.map((r) => ({ year: r.year, organizations: r.n })),
    founderUniversities: universities.rows.map((u) => ({ id: u.uni, name: nameOf(u.uni), founders: u.founders })),
    fundingRaised: funding.rows.map((f) => ({ amountMinor: f.amount, currency: f.currency })),
    dragons: [...ids].map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.en.localeCompare(b.name.en) || (a.id < b.id ? -1 : 1)),
  };
}

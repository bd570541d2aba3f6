import { sql } from 'drizzle-orm';
import type { TalentPipeline } from '../../../contracts/ecosystem-insights.js';
import type { Db, Tx } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { dragonIds } from './dragons.js';
import { namesOf } from './names.js';

const MAX_UNIVERSITIES = 20;
const MAX_ORGS_LISTED = 50;

/**
 * The talent pipeline, computed from relations (never from a stored figure): for each
 * university, its alumni, the founders among them, what they founded, where alumni
 * work, and its share of all the hub's founders. Founders are public; nothing else
 * about a person is returned.
 */
export async function getTalentPipeline(db: Db | Tx, hub: HubRow, universityId?: string): Promise<TalentPipeline> {
  const alumni = await db.execute<{ uni: string; alumni: number }>(sql`
    SELECT r.to_organization_id AS uni, count(DISTINCT r.from_person_id)::int AS alumni
    FROM relations r WHERE r.hub_id = ${hub.id} AND r.kind = 'alumnus_of'
    GROUP BY 1`);
  const founderLinks = await db.execute<{ uni: string; person: string; org: string }>(sql`
    SELECT DISTINCT a.to_organization_id AS uni, f.from_person_id AS person, f.to_organization_id AS org
    FROM relations f
    JOIN relations a ON a.hub_id = f.hub_id AND a.from_person_id = f.from_person_id AND a.kind = 'alumnus_of'
    WHERE f.hub_id = ${hub.id} AND f.kind = 'founded' AND f.from_person_id IS NOT NULL`);
  const [totals] = (
    await db.execute<{ founders: number }>(sql`
      SELECT count(DISTINCT from_person_id)::int AS founders FROM relations
      WHERE hub_id = ${hub.id} AND kind = 'founded' AND from_person_id IS NOT NULL`)
  ).rows;
  const dragons = await dragonIds(db, hub.id);
  const founders = totals?.founders ?? 0;

  type Acc = { alumni: number; founders: Set<string>; orgs: Map<string, Set<string>> };
  const byUni = new Map<string, Acc>();
  const acc = (uni: string) => byUni.get(uni) ?? byUni.set(uni, { alumni: 0, founders: new Set(), orgs: new Map() }).get(uni)!;
  for (const row of alumni.rows) acc(row.uni).alumni = row.alumni;
  for (const { uni, person, org } of founderLinks.rows) {
    const a = acc(uni);
    a.founders.add(person);
    a.orgs.set(org, (a.orgs.get(org) ?? new Set()).add(person));
  }

  const ranked = [...byUni.entries()]
    .filter(([uni]) => !universityId || uni === universityId)
    .sort(([, a], [, b]) => b.founders.size - a.founders.size || b.alumni - a.alumni)
    .slice(0, MAX_UNIVERSITIES);
  const listedOrgs = ranked.flatMap(([, a]) => [...a.orgs.keys()].slice(0, MAX_ORGS_LISTED));
  const employers = universityId ? await employersOf(db, hub.id, universityId) : [];
  const names = await namesOf(db, hub.id, {
    organizations: [...ranked.map(([uni]) => uni), ...listedOrgs, ...employers.map((e) => e.org)],
    people: ranked.flatMap(([, a]) => [...a.orgs].slice(0, MAX_ORGS_LISTED).flatMap(([, ps]) => [...ps])),
  });
  const nameOf = (map: Map<string, { zh: string; en: string }>, id: string) => map.get(id) ?? { zh: '', en: '' };

  return {
    hub: hub.slug,
    founders,
    dragons: dragons.size,
    universities: ranked.map(([uni, a]) => ({
      university: { id: uni, name: nameOf(names.organizations, uni) },
      alumni: a.alumni,
      founders: a.founders.size,
      foundedOrganizations: [...a.orgs]
        .sort(([x], [y]) => Number(dragons.has(y)) - Number(dragons.has(x)))
        .slice(0, MAX_ORGS_LISTED)
        .map(([org, ps]) => ({
          id: org,
          name: nameOf(names.organizations, org),
          dragon: dragons.has(org),
          founders: [...ps].map((p) => ({ id: p, name: nameOf(names.people, p) })),
        })),
      employers: employers.map((e) => ({ id: e.org, name: nameOf(names.organizations, e.org), alumni: e.alumni })),
      founderShare: founders ? a.founders.size / founders : 0,
      dragonsFounded: [...a.orgs.keys()].filter((o) => dragons.has(o)).length,
    })),
  };
}

async function employersOf(db: Db | Tx, hubId: string, universityId: string) {
  const { rows } = await db.execute<{ org: string; alumni: number }>(sql`
    SELECT w.to_organization_id AS org, count(DISTINCT w.from_person_id)::int AS alumni
    FROM relations a
    JOIN relations w ON w.hub_id = a.hub_id AND w.from_person_id = a.from_person_id AND w.kind = 'works_at'
    WHERE a.hub_id = ${hubId} AND a.kind = 'alumnus_of' AND a.to_organization_id = ${universityId}
    GROUP BY 1 ORDER BY 2 DESC LIMIT 20`);
  return rows;
}

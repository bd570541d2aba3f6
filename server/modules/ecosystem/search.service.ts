import { and, arrayContains, asc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Sector } from '../../../contracts/organizations.js';
import type { Db, Tx } from '../../db/connection.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { likePattern } from '../../platform/sql.js';
import { requireOrganization, type Scope } from './organizations.service.js';
import { organizations } from './organizations.tables.js';
import { personPolicy } from './people.policies.js';
import { people } from './people.tables.js';
import { relations } from './relations.tables.js';

export type SearchQuery = { q?: string | undefined; sector?: Sector | undefined; university?: string | undefined; limit: number };

/**
 * One search box over organisations and people: partial name in Chinese or English,
 * sector, university (alumni; for organisations, those founded by its alumni; another
 * hub's or none is 404). People come back only to the staff who may read the people
 * register (`personPolicy`), and that read is audited as `listPeople`'s is (personal.read).
 * Trigram indexes keep partial names fast.
 */
export async function searchEcosystem(db: Db, scope: Scope, query: SearchQuery) {
  const { hub, actor } = scope;
  if (query.university) await requireOrganization(db, hub.id, query.university, 'university');
  const orgWhere: SQL[] = [eq(organizations.hubId, hub.id)];
  if (query.q) orgWhere.push(or(ilike(organizations.nameEn, likePattern(query.q)), ilike(organizations.nameZh, likePattern(query.q)))!);
  if (query.sector) orgWhere.push(arrayContains(organizations.sectors, [query.sector]));
  if (query.university) {
    orgWhere.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(relations)
          .where(
            and(
              eq(relations.hubId, organizations.hubId),
              eq(relations.toOrganizationId, organizations.id),
              eq(relations.kind, 'founded'),
              sql`${relations.fromPersonId} IN (SELECT a.from_person_id FROM relations a WHERE a.hub_id = ${hub.id} AND a.kind = 'alumnus_of' AND a.to_organization_id = ${query.university})`,
            ),
          ),
      ),
    );
  }
  const orgs = await db
    .select({ id: organizations.id, kind: organizations.kind, nameZh: organizations.nameZh, nameEn: organizations.nameEn, sectors: organizations.sectors })
    .from(organizations)
    .where(and(...orgWhere))
    .orderBy(asc(organizations.nameEn))
    .limit(query.limit);

  const readsPeople = personPolicy.can(actor, 'read', null);
  const found =
    readsPeople && !query.sector
      ? await auditedRead(db, scope, { subjectType: 'person', fields: ['name'], ids: (rows: { id: string }[]) => rows.map((r) => r.id) }, (tx) =>
          searchPeople(tx, hub.id, query),
        )
      : [];
  return { organizations: orgs, people: found };
}

async function searchPeople(db: Db | Tx, hubId: string, query: SearchQuery) {
  const where: SQL[] = [eq(people.hubId, hubId)];
  if (query.q) where.push(or(ilike(people.nameEn, likePattern(query.q)), ilike(people.nameZh, likePattern(query.q)))!);
  if (query.university) {
    where.push(
      sql`${people.id} IN (SELECT a.from_person_id FROM relations a WHERE a.hub_id = ${hubId} AND a.kind = 'alumnus_of' AND a.to_organization_id = ${query.university})`,
    );
  }
  return db
    .select({ id: people.id, nameZh: people.nameZh, nameEn: people.nameEn, roles: people.roles })
    .from(people)
    .where(and(...where))
    .orderBy(asc(people.nameEn))
    .limit(query.limit);
}

import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { organizations } from './organizations.tables.js';
import { people } from './people.tables.js';

export type Named = { id: string; name: { zh: string; en: string } };

/** Names of organisations (and their kinds) and people of one hub, by id, in two queries. */
export async function namesOf(db: Db | Tx, hubId: string, ids: { organizations: string[]; people: string[] }) {
  const orgIds = [...new Set(ids.organizations)];
  const personIds = [...new Set(ids.people)];
  const [orgRows, personRows] = [
    orgIds.length
      ? await db
          .select({ id: organizations.id, zh: organizations.nameZh, en: organizations.nameEn, kind: organizations.kind })
          .from(organizations)
          .where(and(eq(organizations.hubId, hubId), sql`${organizations.id} = ANY(${sql.param(orgIds)}::uuid[])`))
      : [],
    personIds.length
      ? await db
          .select({ id: people.id, zh: people.nameZh, en: people.nameEn })
          .from(people)
          .where(and(eq(people.hubId, hubId), sql`${people.id} = ANY(${sql.param(personIds)}::uuid[])`))
      : [],
  ];
  const toMap = (rows: { id: string; zh: string; en: string }[]) => new Map(rows.map((r) => [r.id, { zh: r.zh, en: r.en }]));
  return { organizations: toMap(orgRows), people: toMap(personRows), organizationKinds: new Map(orgRows.map((r) => [r.id, r.kind])) };
}

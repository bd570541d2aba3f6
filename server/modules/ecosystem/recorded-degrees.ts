import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { organizations } from './organizations.tables.js';
import { relations } from './relations.tables.js';

/** A degree staff recorded as an alumnus tie: its level, the tie's end as the graduation day, the university's names. */
export type RecordedDegree = { level: string; graduatesOn: string; university: { zh: string; en: string } };

/**
 * A person's degrees as the ecosystem records them (alumnus ties with a degree and an end
 * date), oldest first: the degrees a graduate's standing already counts beside those they
 * declared, so their profile can show them too.
 */
export async function recordedDegrees(db: Db | Tx, hubId: string, personId: string, levels: readonly string[]): Promise<RecordedDegree[]> {
  const rows = await db
    .select({ level: relations.degree, graduatesOn: relations.endsOn, zh: organizations.nameZh, en: organizations.nameEn })
    .from(relations)
    .innerJoin(organizations, and(eq(organizations.hubId, relations.hubId), eq(organizations.id, relations.toOrganizationId)))
    .where(
      and(
        eq(relations.hubId, hubId),
        eq(relations.fromPersonId, personId),
        eq(relations.kind, 'alumnus_of'),
        inArray(relations.degree, [...levels]),
        isNotNull(relations.endsOn),
      ),
    )
    .orderBy(asc(relations.endsOn));
  return rows.map((r) => ({ level: r.level!, graduatesOn: r.graduatesOn!, university: { zh: r.zh, en: r.en } }));
}

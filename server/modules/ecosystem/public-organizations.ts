import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { organizations } from './organizations.tables.js';

/** What may be published of organisations (award recipients): names and the USCC. */
export type PublicOrganization = { zh: string; en: string; uscc: string };

export async function publicOrganizations(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, PublicOrganization>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, zh: organizations.nameZh, en: organizations.nameEn, uscc: organizations.uscc })
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), inArray(organizations.id, ids)));
  return new Map(rows.map((r) => [r.id, { zh: r.zh, en: r.en, uscc: r.uscc }]));
}

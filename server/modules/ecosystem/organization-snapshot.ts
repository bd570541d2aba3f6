import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import type { OrganizationRecord } from './applicant-facts.js';
import { organizationRecordsPage } from './applicant-pages.js';

/**
 * Every organisation of a hub as matching reads it (`organizationRecordsPage`), kept in this
 * process while the hub's ecosystem version stands: an officer trying one draft after
 * another simulates against the same rows without reading 100,000 of them each time.
 *
 * Fresh by construction: the version is read before the rows, and every write the records
 * come from (organisations, facts, imports, the synthetic generator) raises it in its own
 * transaction (`touchEcosystem`), so a snapshot is never older than the version it is kept
 * under; a write committed since is seen as a new version and the hub is read again. Each
 * server process keeps its own, so several servers on one database stay right.
 *
 * The records are shared: callers read them and never change them.
 */
const KEPT_HUBS = 4;
const PAGE = 5_000;
const kept = new Map<string, { version: string; records: readonly OrganizationRecord[] }>();

export async function organizationSnapshot(db: Db, hubId: string): Promise<readonly OrganizationRecord[]> {
  const version = await ecosystemVersion(db, hubId);
  const hit = kept.get(hubId);
  kept.delete(hubId); // re-inserted below: the map's order is least recently used first
  if (hit?.version === version) {
    kept.set(hubId, hit);
    return hit.records;
  }
  const records: OrganizationRecord[] = [];
  for (let after: string | null = null; ;) {
    const page = await organizationRecordsPage(db, hubId, after, PAGE);
    for (const record of page) records.push(record);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  kept.set(hubId, { version, records });
  for (const oldest of kept.keys()) if (kept.size > KEPT_HUBS) kept.delete(oldest);
  return records;
}

async function ecosystemVersion(db: Db, hubId: string): Promise<string> {
  const { rows } = await db.execute<{ version: string }>(
    sql`SELECT coalesce((SELECT version FROM ecosystem_versions WHERE hub_id = ${hubId}), 0)::text AS version`,
  );
  return rows[0]!.version;
}

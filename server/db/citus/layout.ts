import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema.js';

/** Where a table lives on Citus: copied to every node, or split into shards by `hub_id`. */
export type Placement = { table: string; kind: 'reference' } | { table: string; kind: 'distributed'; column: 'hub_id' };

/**
 * The distributed layout, decided from the table definitions in code (server/db/schema.ts):
 * a table whose primary key leads with a NOT NULL `hub_id` belongs to one hub and is
 * distributed by it (all such tables in one colocation group, so a hub's rows of every table
 * sit on the same node and joins on `hub_id` stay local); every other table (hubs, accounts,
 * sessions, global queues) is a reference table, copied to every node. pg-boss's and
 * drizzle's tables live in their own schemas and are not in this list: they stay local to
 * the coordinator.
 */
export function citusLayout(tables: readonly unknown[] = Object.values(schema)): Placement[] {
  const placements: Placement[] = [];
  for (const value of tables) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    placements.push(isHubOwned(config) ? { table: config.name, kind: 'distributed', column: 'hub_id' } : { table: config.name, kind: 'reference' });
  }
  return placements.sort((a, b) => a.table.localeCompare(b.table));
}

function isHubOwned(config: ReturnType<typeof getTableConfig>): boolean {
  const hubId = config.columns.find((c) => c.name === 'hub_id');
  if (!hubId?.notNull) return false;
  const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  return primaryKey[0] === 'hub_id';
}

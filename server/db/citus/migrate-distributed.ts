import { sql } from 'drizzle-orm';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import type { Db } from '../connection.js';
import { delegateHubFunctions } from './distribute.js';
import { citusLayout, type Placement } from './layout.js';

const createTable = /^\s*(?:--[^\n]*\n\s*)*CREATE TABLE (?:IF NOT EXISTS )?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/i;

const qualifiedTarget =
  /^\s*(?:--[^\n]*\n\s*)*(?:ALTER TABLE (?:ONLY )?|CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?"?[a-z0-9_]+"? ON (?:ONLY )?)(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?[\s\S]*\b(?:CHECK|WHERE)\b/i;

/**
 * drizzle-kit writes CHECK constraints and partial-index predicates with the table's name
 * (`"t"."col"`). Citus sends such DDL on to each shard (`t_102008`) as written, where the
 * name means nothing (42P01), so on a distributed database the qualifier is dropped: the
 * statement is about one table, the bare column means the same.
 */
export function forShards(statement: string): string {
  const table = qualifiedTarget.exec(statement)?.[1];
  return table ? statement.replaceAll(`"${table}".`, '') : statement;
}

/**
 * Applies pending migrations to a database already in the distributed layout. The same
 * bookkeeping as drizzle's migrator (`drizzle.__drizzle_migrations`, one transaction for
 * all pending files), with one addition: a table is placed (reference or distributed by
 * `hub_id`, as `citusLayout()` says) right after its `CREATE TABLE`, so the statements
 * that follow, the foreign keys drizzle-kit writes after the tables above all, meet
 * distributed tables. The rule for migrations this implies is in docs/scaling.md.
 */
export async function migrateDistributed(db: Db, migrations: MigrationMeta[], layout: Placement[] = citusLayout()): Promise<number> {
  const placementOf = new Map(layout.map((p) => [p.table, p]));
  await db.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
  const { rows } = await db.execute<{ created_at: string }>(sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`);
  const last = rows[0] ? Number(rows[0].created_at) : -1;
  const pending = migrations.filter((m) => m.folderMillis > last);
  if (!pending.length) return 0;
  await db.transaction(async (tx) => {
    // DDL on distributed tables after other work in one transaction needs one connection per node.
    await tx.execute(sql`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`);
    const { rows: anchors } = await tx.execute<{ name: string }>(
      sql`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY colocationid, logicalrelid LIMIT 1`,
    );
    let anchor = anchors[0]?.name;
    for (const migration of pending) {
      for (const statement of migration.sql) {
        await tx.execute(sql.raw(forShards(statement)));
        const table = createTable.exec(statement)?.[1];
        const placement = table ? placementOf.get(table) : undefined;
        if (!placement) continue;
        if (placement.kind === 'reference') await tx.execute(sql`SELECT create_reference_table(${placement.table})`);
        else {
          await tx.execute(sql`SELECT create_distributed_table(${placement.table}, ${placement.column}, colocate_with => ${anchor ?? 'default'})`);
          anchor ??= placement.table;
        }
      }
      await tx.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`);
    }
    await delegateHubFunctions(tx);
  });
  return pending.length;
}

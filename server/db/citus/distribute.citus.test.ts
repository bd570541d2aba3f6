import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { is, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tempDir } from '../../test/temp-dir.js';
import { connect, type Database } from '../connection.js';
import { migrationsFolder, runMigrations } from '../migrate.js';
import * as schema from '../schema.js';
import { distribute, isDistributed } from './distribute.js';
import { citusLayout } from './layout.js';

// Runs only against a Citus coordinator (`npm run test:citus`); the shared test database
// was migrated and distributed by server/test/global-setup.ts.

const layout = citusLayout();
const opened: Database[] = [];
const dropAfter: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
  for (const drop of dropAfter) await drop();
});

async function placements(db: Database['db']) {
  const { rows } = await db.execute<{ name: string; type: string; column: string | null; colocation: number }>(sql`
    SELECT logicalrelid::regclass::text AS name,
           CASE WHEN partmethod = 'h' THEN 'distributed' WHEN repmodel = 't' THEN 'reference' ELSE 'local' END AS type,
           column_to_column_name(logicalrelid, partkey) AS column, colocationid AS colocation
    FROM pg_dist_partition`);
  return new Map(rows.map((r) => [r.name, r]));
}

/** Foreign keys the code declares (drizzle), as "table.constraint". */
const declaredKeys = Object.values(schema)
  .filter((t) => is(t, PgTable))
  .flatMap((t) => {
    const config = getTableConfig(t as PgTable);
    return config.foreignKeys.map((k) => `${config.name}.${k.getName().slice(0, 63)}`); // PostgreSQL keeps 63 bytes of a name
  })
  .sort();

/** Foreign keys of the application's tables (not of the coordinator's copies of reference shards). */
async function foreignKeys(db: Database['db']) {
  const tables = new Set(layout.map((p) => p.table));
  const { rows } = await db.execute<{ table: string; name: string }>(sql`
    SELECT conrelid::regclass::text AS table, conname AS name FROM pg_constraint
    WHERE contype = 'f' AND connamespace = 'public'::regnamespace`);
  return rows
    .filter((r) => tables.has(r.table))
    .map((r) => `${r.table}.${r.name}`)
    .sort();
}

async function expectLayout(db: Database['db']) {
  const placed = await placements(db);
  for (const p of layout) {
    expect(placed.get(p.table)?.type, p.table).toBe(p.kind);
    if (p.kind === 'distributed') expect(placed.get(p.table)?.column, p.table).toBe('hub_id');
  }
  const groups = new Set(layout.filter((p) => p.kind === 'distributed').map((p) => placed.get(p.table)!.colocation));
  expect(groups.size).toBe(1);
  // The ledger's commit and the audit append run on the hub's worker, in its colocation group.
  // The bookings' and leases' whole writes also inside a transaction (force_delegation).
  const { rows: functions } = await db.execute<{ name: string; arg: number; colocation: number; forced: boolean }>(sql`
    SELECT p.proname AS name, o.distribution_argument_index AS arg, o.colocationid AS colocation, coalesce(o.force_delegation, false) AS forced
    FROM pg_dist_object o JOIN pg_proc p ON p.oid = o.objid WHERE o.classid = 'pg_proc'::regclass AND starts_with(p.proname, 'dg_') ORDER BY 1`);
  const group = [...groups][0];
  expect(functions).toEqual([
    { name: 'dg_application_file', arg: 0, colocation: group, forced: false },
    { name: 'dg_application_number', arg: 0, colocation: group, forced: false },
    { name: 'dg_audit_append', arg: 0, colocation: group, forced: false },
    { name: 'dg_award_lock', arg: 0, colocation: group, forced: false },
    { name: 'dg_idempotency_answer', arg: 0, colocation: group, forced: false },
    { name: 'dg_idempotency_claim', arg: 0, colocation: group, forced: false },
    { name: 'dg_ledger_commit', arg: 0, colocation: group, forced: false },
    { name: 'dg_space_clash', arg: 0, colocation: group, forced: false },
    { name: 'dg_space_lease', arg: 0, colocation: group, forced: true },
    { name: 'dg_space_take', arg: 0, colocation: group, forced: false },
    { name: 'dg_stay_book', arg: 0, colocation: group, forced: true },
    { name: 'dg_stay_book_once', arg: 0, colocation: group, forced: false },
    { name: 'dg_stay_take', arg: 0, colocation: group, forced: false },
  ]);
  expect(await foreignKeys(db)).toEqual(declaredKeys);
}

describe('db distribute on Citus', () => {
  it('places every table as the code says: hub tables by hub_id in one colocation group, the rest reference; every foreign key back', async () => {
    const database = connect(inject('databaseUrl'), 2);
    opened.push(database);
    expect(layout.filter((p) => p.kind === 'reference').map((p) => p.table)).toEqual(
      expect.arrayContaining(['hubs', 'users', 'accounts', 'sessions', 'verifications', 'rate_limits']),
    );
    expect(layout.find((p) => p.table === 'organizations')?.kind).toBe('distributed');
    await expectLayout(database.db);
    // pg-boss's and drizzle's tables stay local to the coordinator.
    const placed = await placements(database.db);
    expect([...placed.keys()].filter((name) => name.startsWith('pgboss.') || name.startsWith('drizzle.'))).toEqual([]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const database = connect(inject('databaseUrl'), 2);
    opened.push(database);
    const report = await distribute(database.db);
    expect(report).toMatchObject({ converted: 0, foreignKeys: declaredKeys.length });
    await expectLayout(database.db);
  });

  it('keeps new migrations working: a database distributed at an older migration takes the newer ones, their tables placed as they are created', async () => {
    const database = await freshClusterDatabase();
    const older = olderMigrationsFolder(3);
    await migrate(database.db, { migrationsFolder: older.folder, migrationsSchema: 'drizzle' });
    const present = await existingTables(database.db);
    const report = await distribute(
      database.db,
      layout.filter((p) => present.has(p.table)),
    );
    expect(report.converted).toBe(present.size);
    expect(await isDistributed(database.db)).toBe(true);
    expect(older.left.length).toBeGreaterThan(0);

    await runMigrations(database.db); // the newer migrations, on the distributed database
    await expectLayout(database.db);
    const { rows } = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    expect(rows[0]!.n).toBe(JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')).entries.length);
  }, 300_000); // a database of its own on three nodes: minutes on a busy 2-core machine
});

async function existingTables(db: Database['db']): Promise<Set<string>> {
  const { rows } = await db.execute<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  return new Set(rows.map((r) => r.name));
}

/** The checked-in migrations without the newest `drop`, in a folder of their own. */
function olderMigrationsFolder(drop: number): { folder: string; left: string[] } {
  const folder = tempDir('dragongate-migrations-');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const left = journal.entries.splice(journal.entries.length - drop, drop).map((e) => e.tag);
  writeFileSync(journalFile, JSON.stringify(journal));
  return { folder, left };
}

/** A new, empty database on every node of the cluster, with Citus and the workers registered. */
async function freshClusterDatabase(): Promise<Database> {
  const base = new URL(inject('databaseUrl'));
  const name = `dg_migrate_${Date.now()}`;
  const coordinator = connect(base.toString(), 1);
  const { rows: nodes } = await coordinator.db.execute<{ host: string; port: number; role: string }>(
    sql`SELECT nodename AS host, nodeport AS port, CASE WHEN groupid = 0 THEN 'coordinator' ELSE 'worker' END AS role FROM pg_dist_node`,
  );
  await coordinator.close();
  const urlOf = (node: { host: string; port: number }, db: string) => {
    const u = new URL(base);
    u.hostname = node.host;
    u.port = String(node.port);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const onEach = async (statement: string) => {
    for (const node of nodes) {
      const admin = new pg.Client({ connectionString: urlOf(node, 'postgres') });
      await admin.connect();
      await admin.query(statement);
      await admin.end();
    }
  };
  await onEach(`CREATE DATABASE ${name}`);
  dropAfter.push(() => onEach(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  for (const node of nodes) {
    const client = new pg.Client({ connectionString: urlOf(node, name) });
    await client.connect();
    await client.query('CREATE EXTENSION citus');
    await client.end();
  }
  const database = connect(
    urlOf(
      nodes.find((n) => n.role === 'coordinator')!,
      name,
    ),
    2,
  );
  opened.push(database);
  const coordinatorNode = nodes.find((n) => n.role === 'coordinator')!;
  await database.db.execute(sql`SELECT citus_set_coordinator_host(${coordinatorNode.host}, ${coordinatorNode.port})`);
  for (const worker of nodes.filter((n) => n.role === 'worker')) await database.db.execute(sql`SELECT citus_add_node(${worker.host}, ${worker.port})`);
  return database;
}

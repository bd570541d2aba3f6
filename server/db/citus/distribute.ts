import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../connection.js';
import { citusLayout, type Placement } from './layout.js';

export type DistributeReport = { reference: number; distributed: number; converted: number; foreignKeys: number };
type Run = Db | Tx;

/** True when the database has the Citus extension (a coordinator). */
export async function isCitus(db: Run): Promise<boolean> {
  const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'citus'`);
  return rows[0]!.n > 0;
}

/** True when the database is already in the distributed layout (the hubs are a reference table). */
export async function isDistributed(db: Run): Promise<boolean> {
  if (!(await isCitus(db))) return false;
  const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_dist_partition WHERE logicalrelid = to_regclass('public.hubs')`);
  return rows[0]!.n > 0;
}

/**
 * Turns a migrated database on Citus into the distributed layout of `citusLayout()`, in one
 * transaction. Idempotent: tables already placed as the code says are left alone, and a
 * database already in the layout is not touched at all.
 *
 * Order matters. With the foreign keys in place, making `hubs` a reference table turns every
 * table pointing at it into a Citus-local table, and those can then not be distributed. So:
 * read every foreign key of the application's tables, drop them, place the reference tables,
 * then the distributed ones (one colocation group, anchored on the first), then add the
 * foreign keys back exactly as they were (`pg_get_constraintdef`).
 */
export async function distribute(db: Db, layout: Placement[] = citusLayout()): Promise<DistributeReport> {
  if (!(await isCitus(db))) throw new Error('This database has no Citus extension: `db distribute` runs against a Citus coordinator.');
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`);
    const current = await currentPlacement(tx);
    const absent = await absentTables(tx, layout);
    if (absent.length) throw new Error(`Tables missing (migrate first): ${absent.join(', ')}`);
    const pending = layout.filter((p) => current.get(p.table) !== p.kind);
    const reference = layout.filter((p) => p.kind === 'reference').length;
    const distributed = layout.length - reference;
    if (!pending.length) {
      await delegateHubFunctions(tx);
      return { reference, distributed, converted: 0, foreignKeys: await countForeignKeys(tx, layout) };
    }

    const keys = await foreignKeys(tx, layout);
    for (const key of keys) await tx.execute(sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quote(key.name)}`));
    for (const p of pending) {
      // A table left Citus-local by an earlier foreign key to a reference table goes back to plain first.
      if (current.get(p.table) === 'local') await tx.execute(sql`SELECT undistribute_table(${p.table})`);
    }
    for (const p of pending.filter((p) => p.kind === 'reference')) await tx.execute(sql`SELECT create_reference_table(${p.table})`);
    const anchor = layout.find((p) => p.kind === 'distributed' && current.get(p.table) === 'distributed')?.table;
    let colocateWith = anchor ?? 'default';
    for (const p of pending) {
      if (p.kind !== 'distributed') continue;
      await tx.execute(sql`SELECT create_distributed_table(${p.table}, ${p.column}, colocate_with => ${colocateWith})`);
      if (colocateWith === 'default') colocateWith = p.table;
    }
    for (const key of keys) await tx.execute(sql.raw(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`));
    await delegateHubFunctions(tx);
    return { reference, distributed, converted: pending.length, foreignKeys: keys.length };
  });
}

/**
 * The house's SQL functions whose first argument is the hub (`p_hub`: dg_ledger_commit,
 * dg_audit_append, dg_award_lock, dg_application_number, dg_application_file, dg_idempotency_claim, dg_idempotency_answer, dg_stay_take, dg_stay_book, dg_stay_book_once, dg_space_take,
 * dg_space_clash, dg_space_lease) become distributed functions colocated with the hub tables: Citus sends
 * the whole call to the worker holding that hub, so a commit is one round trip to one node
 * instead of one per statement from the coordinator (2-4x the commits per second on the
 * test cluster). Citus delegates a call only when it is its own transaction, unless the
 * function is registered with force_delegation: the whole writes the routes run inside
 * their own transaction (after the Idempotency-Key's row, on the same hub) are, so they run
 * on the worker there too. Idempotent.
 */
export async function delegateHubFunctions(tx: Run): Promise<number> {
  const { rows: anchors } = await tx.execute<{ name: string }>(
    sql`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY colocationid, logicalrelid LIMIT 1`,
  );
  if (!anchors[0]) return 0;
  const { rows } = await tx.execute<{ fn: string; name: string }>(sql`
    SELECT p.oid::regprocedure::text AS fn, p.proname AS name FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND starts_with(p.proname, 'dg_') AND p.proargnames[1] = 'p_hub'
      AND NOT EXISTS (SELECT 1 FROM pg_dist_object o WHERE o.classid = 'pg_proc'::regclass AND o.objid = p.oid AND o.distribution_argument_index IS NOT NULL)`);
  for (const { fn, name } of rows) {
    if (FORCE_DELEGATED.has(name))
      await tx.execute(sql`SELECT create_distributed_function(${fn}, '$1', colocate_with := ${anchors[0].name}, force_delegation := true)`);
    else await tx.execute(sql`SELECT create_distributed_function(${fn}, '$1', colocate_with := ${anchors[0].name})`);
  }
  return rows.length;
}

/**
 * A booking's and a lease's whole write (migrations/0036): delegated also inside a
 * transaction. Since migrations/0040 a booking calls dg_stay_book only from inside
 * dg_stay_book_once, its own transaction, which needs no forcing; dg_stay_book stays
 * registered as before, so databases distributed earlier and later agree.
 */
const FORCE_DELEGATED = new Set(['dg_stay_book', 'dg_space_lease']);

/** How Citus holds each table today: 'reference', 'distributed' or 'local' (Citus-local). */
async function currentPlacement(tx: Run): Promise<Map<string, string>> {
  const { rows } = await tx.execute<{ name: string; type: string }>(sql`SELECT table_name::text AS name, citus_table_type AS type FROM citus_tables`);
  const { rows: locals } = await tx.execute<{ name: string }>(
    sql`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition WHERE partmethod = 'n' AND repmodel = 's'`,
  );
  const placement = new Map(rows.map((r) => [r.name.replace(/^public\./, '').replace(/"/g, ''), r.type]));
  for (const l of locals) placement.set(l.name.replace(/^public\./, '').replace(/"/g, ''), 'local');
  return placement;
}

async function absentTables(tx: Run, layout: Placement[]): Promise<string[]> {
  const names = layout.map((p) => p.table);
  const { rows } = await tx.execute<{ name: string }>(
    sql`SELECT t AS name FROM unnest(string_to_array(${names.join(',')}, ',')) AS t WHERE to_regclass('public.' || quote_ident(t)) IS NULL`,
  );
  return rows.map((r) => r.name);
}

type ForeignKey = { table: string; name: string; definition: string };

/** Every foreign key from or to one of the layout's tables, with its definition. */
async function foreignKeys(tx: Run, layout: Placement[]): Promise<ForeignKey[]> {
  const names = layout.map((p) => p.table);
  const { rows } = await tx.execute<ForeignKey>(sql`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      AND (c.conrelid::regclass::text = ANY(string_to_array(${names.join(',')}, ',')) OR c.confrelid::regclass::text = ANY(string_to_array(${names.join(',')}, ',')))
    ORDER BY c.conrelid::regclass::text, c.conname`);
  return rows;
}

async function countForeignKeys(tx: Run, layout: Placement[]): Promise<number> {
  return (await foreignKeys(tx, layout)).length;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

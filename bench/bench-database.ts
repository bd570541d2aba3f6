import { sql } from 'drizzle-orm';
import { connect, type Database } from '../server/db/connection.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/db/embedded.js';
import { distribute, isCitus } from '../server/db/citus/distribute.js';
import { runMigrations } from '../server/db/migrate.js';
import { besideTable, removeHome, tempHome, type Throughput } from './support.js';

export type BenchDatabase = { database: Database; url: string; home: string };

/**
 * A migrated database for one bench: `external` (DATABASE_URL by default) when set (distributed when it is Citus), else an embedded PostgreSQL
 * in a temp folder (also the bench's scratch folder). Torn down whatever `work` does:
 * the pool closed, PostgreSQL stopped, the folder removed; a teardown failure is logged,
 * never hides the bench's own error.
 */
export async function withBenchDatabase<T>(
  name: string,
  poolSize: number,
  work: (bench: BenchDatabase) => Promise<T>,
  external: string | undefined = process.env.DATABASE_URL || undefined,
): Promise<T> {
  const home = tempHome(name);
  let embedded: EmbeddedDatabase | undefined;
  let database: Database | undefined;
  const warn = (what: string) => (error: unknown) => process.stderr.write(`  (${name} bench: ${what} failed: ${(error as Error).message})\n`);
  try {
    if (!external) embedded = await startEmbeddedPostgres(home);
    const url = external ?? embedded!.url;
    database = connect(url, poolSize);
    await runMigrations(database.db);
    if (await isCitus(database.db)) await distribute(database.db); // DATABASE_URL of a Citus coordinator
    return await work({ database, url, home });
  } finally {
    await database?.close().catch(warn('closing the pool'));
    await embedded?.stop().catch(warn('stopping PostgreSQL'));
    await removeHome(home).catch(warn('removing the temp folder'));
  }
}

/** A database a write bench runs on, by the label its figures are printed under. */
export type BenchTarget = { label: string; url: string | undefined };

/**
 * Where the booking and lease benches measure: the bench's own database (embedded, or
 * DATABASE_URL), and beside it a Citus coordinator when BENCH_CITUS_URL is set, each
 * with its own baseline in the same run.
 */
export function benchTargets(): BenchTarget[] {
  const own = { label: process.env.DATABASE_URL ? 'DATABASE_URL' : 'single node', url: process.env.DATABASE_URL || undefined };
  return process.env.BENCH_CITUS_URL ? [own, { label: 'Citus', url: process.env.BENCH_CITUS_URL }] : [own];
}

/**
 * Runs `measure` on every bench target (`benchTargets`), `first` too on the first one (its
 * search figures), then prints the targets' throughput side by side.
 */
export async function throughputBeside(
  name: string,
  measure: (database: Database, label: string) => Promise<Throughput[]>,
  first: (database: Database) => Promise<void>,
): Promise<void> {
  const targets = benchTargets();
  const results: Throughput[][] = [];
  for (const [i, target] of targets.entries()) {
    await withBenchDatabase(
      name,
      40,
      async ({ database }) => {
        results.push(await measure(database, target.label));
        if (i === 0) await first(database);
      },
      target.url,
    );
  }
  process.stdout.write(
    besideTable(
      targets.map((t) => t.label),
      results,
    ) + '\n',
  );
  if (targets.length === 1) process.stdout.write('  BENCH_CITUS_URL=<coordinator> measures the same on Citus beside it\n');
}

/**
 * A write bench's baseline table placed as the rows it is compared with: on Citus
 * distributed by `hub_id` and colocated with `beside` (a plain table on the coordinator
 * would be measured without the hop to the hub's worker); on one node left as it is.
 */
export async function placeBaseline(database: Database, table: string, beside: string): Promise<void> {
  if (await isCitus(database.db)) await database.db.execute(sql`SELECT create_distributed_table(${table}, 'hub_id', colocate_with => ${beside})`);
}

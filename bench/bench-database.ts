import { connect, type Database } from '../server/db/connection.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/db/embedded.js';
import { runMigrations } from '../server/db/migrate.js';
import { removeHome, tempHome } from './support.js';

export type BenchDatabase = { database: Database; url: string; home: string };

/**
 * A migrated database for one bench: DATABASE_URL when set, else an embedded PostgreSQL
 * in a temp folder (also the bench's scratch folder). Torn down whatever `work` does:
 * the pool closed, PostgreSQL stopped, the folder removed; a teardown failure is logged,
 * never hides the bench's own error.
 */
export async function withBenchDatabase<T>(name: string, poolSize: number, work: (bench: BenchDatabase) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL || undefined;
  const home = tempHome(name);
  let embedded: EmbeddedDatabase | undefined;
  let database: Database | undefined;
  const warn = (what: string) => (error: unknown) => process.stderr.write(`  (${name} bench: ${what} failed: ${(error as Error).message})\n`);
  try {
    if (!external) embedded = await startEmbeddedPostgres(home);
    const url = external ?? embedded!.url;
    database = connect(url, poolSize);
    await runMigrations(database.db);
    return await work({ database, url, home });
  } finally {
    await database?.close().catch(warn('closing the pool'));
    await embedded?.stop().catch(warn('stopping PostgreSQL'));
    await removeHome(home).catch(warn('removing the temp folder'));
  }
}

import { connect, type Database } from '../db/connection.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { runMigrations } from '../db/migrate.js';
import type { Config } from '../platform/config.js';

export type OpenDatabase = Database & { url: string; shutdown: () => Promise<void> };

/** DATABASE_URL if set, else the embedded PostgreSQL under DRAGONGATE_HOME; migrated. */
export async function openDatabase(config: Config, options: { migrate?: boolean; poolSize?: number } = {}): Promise<OpenDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.home);
  const url = config.databaseUrl ?? embedded!.url;
  const database = connect(url, options.poolSize ?? 10, config.cryptoSuite);
  if (options.migrate !== false) await runMigrations(database.db);
  return {
    ...database,
    url,
    shutdown: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { isDistributed } from './citus/distribute.js';
import { migrateDistributed } from './citus/migrate-distributed.js';
import type { Db } from './connection.js';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Applies the checked-in SQL migrations in order; safe to run on every start. On a Citus
 * database already distributed (`dragongate db distribute`), new tables are placed as they
 * are created (citus/migrate-distributed.ts).
 */
export async function runMigrations(db: Db): Promise<void> {
  if (await isDistributed(db)) await migrateDistributed(db, readMigrationFiles({ migrationsFolder }));
  else await migrate(db, { migrationsFolder, migrationsSchema: 'drizzle' });
}

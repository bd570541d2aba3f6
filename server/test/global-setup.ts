import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../db/connection.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { distribute, isCitus } from '../db/citus/distribute.js';
import { runMigrations } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run (DATABASE_URL, or a fresh embedded one in a
 * temporary folder), migrated once. Tests isolate themselves by making a fresh hub. On a
 * Citus coordinator (`npm run test:citus`) the database is distributed after migrating.
 */
export default async function setup(project: TestProject) {
  const home = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), 'dragongate-test-'));
  const embedded = home ? await startEmbeddedPostgres(home) : null;
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const database = connect(url, 2);
  await runMigrations(database.db);
  if (await isCitus(database.db)) await distribute(database.db);
  await database.close();
  project.provide('databaseUrl', url);
  return async () => {
    await embedded?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  };
}

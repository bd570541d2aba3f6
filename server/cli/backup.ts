import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { BackupRefused, backupToFile, restoreDatabase } from '../db/backup.js';
import { manifestName, verifyBackup, type BackupManifest } from '../platform/backup/offsite.js';
import type { Config } from '../platform/config.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

const out = (line: string) => process.stdout.write(line + '\n');

/** `dragongate backup FILE`: a consistent, gzipped backup; safe beside a running server. */
export async function backup(config: Config, file: string | undefined): Promise<number> {
  if (!file) {
    out('usage: dragongate backup FILE');
    return 2;
  }
  const database = await openDatabase(config, { poolSize: 1 });
  const client = await database.pool.connect();
  try {
    const bar = progressBar('Backing up');
    const counts = await backupToFile(client, file, { progress: (done, total) => bar.update(done, total) });
    bar.stop();
    out(`Backed up ${Object.values(counts).reduce((a, b) => a + b, 0)} rows of ${Object.keys(counts).length} tables to ${file}.`);
    return 0;
  } finally {
    client.release();
    await database.shutdown();
  }
}

/**
 * `dragongate restore FILE`: migrates, then replaces every row with the backup's in one
 * transaction. Refused while anything else is connected (a running server): stop it first.
 */
export async function restore(config: Config, file: string | undefined): Promise<number> {
  if (!file) {
    out('usage: dragongate restore FILE');
    return 2;
  }
  if (!existsSync(file)) {
    out(`no such file: ${file}`);
    return 2;
  }
  const database = await openDatabase(config, { poolSize: 1 });
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (rows[0]!.n > 0) {
      out(`Refused: ${rows[0]!.n} other connection(s) to this database (a running server?); stop them, then restore.`);
      return 1;
    }
    const bar = progressBar('Restoring');
    const input = createReadStream(file).pipe(createGunzip());
    const failed = once(input, 'error').then(([error]) => {
      throw error;
    });
    const counts = await Promise.race([restoreDatabase(client, input, (done, total) => bar.update(done, total)), failed]);
    bar.stop();
    out(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows of ${Object.keys(counts).length} tables from ${file}.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupRefused || (error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR') {
      out(`Refused: ${(error as Error).message}; nothing was changed.`);
      return 1;
    }
    throw error;
  } finally {
    client.release();
    await database.shutdown();
  }
}

/**
 * `dragongate backup verify FILE [--manifest M]`: checks an off-site backup against its signed
 * manifest (`FILE.manifest.json` by default) before anyone restores from it. Needs this
 * deployment's secret (the key is derived from it); reads no database.
 */
export async function backupVerify(config: Config, file: string | undefined, manifest: string | undefined): Promise<number> {
  if (!file) {
    out('usage: dragongate backup verify FILE [--manifest FILE.manifest.json]');
    return 2;
  }
  const manifestFile = manifest ?? manifestName(file);
  for (const f of [file, manifestFile])
    if (!existsSync(f)) {
      out(`no such file: ${f}`);
      return 2;
    }
  let parsed: BackupManifest;
  try {
    parsed = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  } catch {
    out(`BAD ${file}: the manifest is not JSON`);
    return 1;
  }
  const result = await verifyBackup(file, parsed, config);
  out(
    result.ok
      ? `ok ${file}: ${parsed.rows} rows of ${parsed.tables} tables, ${parsed.hashAlg} and ${parsed.alg} signature verify`
      : `BAD ${file}: ${result.reason}`,
  );
  return result.ok ? 0 : 1;
}

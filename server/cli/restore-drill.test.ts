import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../db/connection.js';
import { runMigrations } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { createAuth } from '../platform/auth/auth.js';
import { loadConfig } from '../platform/config.js';
import { cliEnv, runCli } from '../test/cli-process.js';
import { scratchDatabases } from '../test/scratch-database.js';

// The restore drill: a database with the whole demo in it is backed up, dropped, made
// again empty, restored; then the audit chain and the ledger verify and every table has
// the rows it had.
const name = `dg_drill_${randomBytes(4).toString('hex')}`;
const scratch = scratchDatabases(new URL(inject('databaseUrl')));
const { admin } = scratch;
const drillUrl = scratch.urlOf(name);
const work = mkdtempSync(path.join(tmpdir(), 'dragongate-drill-'));
const env = cliEnv(work, { DATABASE_URL: drillUrl });

const counts = () => scratch.counts(drillUrl);

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  const database = connect(drillUrl, 4);
  await runMigrations(database.db);
  const config = loadConfig({ home: work, authSecret: 'drill-secret-drill-secret-drill-secret-01' });
  await seedDemo(database.db, createAuth(database.db, config));
  await database.close();
}, 600_000);

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up, wipes, restores: audit and ledger verify and every table has its rows', { timeout: 600_000 }, async () => {
    const before = await counts();
    expect(before.audit_events).toBeGreaterThan(100);
    expect(before.ledger_transfers).toBeGreaterThan(0);
    const file = path.join(work, 'drill.backup.gz');
    const backup = await runCli(['backup', file], env);
    expect(backup.code, backup.stdout + backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/Backing up: \d+\/\d+ \(100%\)/);

    // Wiped: the database itself is gone and made again, empty.
    await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);

    const restored = await runCli(['restore', file], env);
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/Restoring: \d+\/\d+ \(100%\)/);
    expect(await counts()).toEqual(before);
    for (const verify of [
      ['audit', 'verify'],
      ['ledger', 'verify'],
    ]) {
      const result = await runCli(verify, env);
      expect(result.code, `${verify.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }

    // A backup cut short, or a restore beside another connection, changes nothing.
    const whole = gunzipSync(readFileSync(file));
    const cut = path.join(work, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(whole.subarray(0, Math.floor(whole.length * 0.8))));
    const refused = await runCli(['restore', cut], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Refused: .*nothing was changed/);
    expect(await counts()).toEqual(before);
    const other = new pg.Client({ connectionString: drillUrl });
    await other.connect();
    try {
      const busy = await runCli(['restore', file], env);
      expect(busy.code).toBe(1);
      expect(busy.stdout).toMatch(/other connection/);
    } finally {
      await other.end();
    }
  });
});

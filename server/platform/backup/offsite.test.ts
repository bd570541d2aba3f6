import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { restoreDatabase } from '../../db/backup.js';
import { connect, type Database } from '../../db/connection.js';
import { runMigrations } from '../../db/migrate.js';
import { seedDemo } from '../../db/seed.js';
import { cliEnv, runCli } from '../../test/cli-process.js';
import { scratchDatabases } from '../../test/scratch-database.js';
import { createAuth } from '../auth/auth.js';
import { loadConfig } from '../config.js';
import { SUITE_ALGORITHMS } from '../crypto/suite.js';
import { manifestName, shipBackup, type BackupManifest } from './offsite.js';

// An off-site store (another site's HTTP store, here in the test) receives the nightly backup
// and its signed manifest; the file verifies there, and a database restored from it has every row.
const secret = 'offsite-secret-offsite-secret-offsite-01';
const { urlOf: dbUrl, admin, counts } = scratchDatabases(new URL(inject('databaseUrl')));
const site = `dg_site_${randomBytes(4).toString('hex')}`;
const copy = `dg_copy_${randomBytes(4).toString('hex')}`;
const work = mkdtempSync(path.join(tmpdir(), 'dragongate-offsite-'));
const received = new Map<string, Buffer>();
let refuse = 0;
let store: Server;
let storeUrl = '';
let database: Database;

beforeAll(async () => {
  store = createServer((req, res) => {
    if (req.method !== 'PUT' || req.headers.authorization !== 'Bearer site-b-token') return void res.writeHead(403).end();
    if (refuse > 0) {
      refuse--;
      return void res.writeHead(503).end();
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.set(decodeURIComponent(req.url!.replace('/site-b/', '')), Buffer.concat(chunks));
      res.writeHead(201).end();
    });
  });
  store.listen(0, '127.0.0.1');
  await once(store, 'listening');
  storeUrl = `http://127.0.0.1:${(store.address() as { port: number }).port}/site-b/`;
  await admin(`CREATE DATABASE ${site}`);
  database = connect(dbUrl(site), 4);
  await runMigrations(database.db);
  await seedDemo(database.db, createAuth(database.db, loadConfig({ home: work, authSecret: secret })));
}, 600_000);

afterAll(async () => {
  await database?.close();
  store?.close();
  await admin(`DROP DATABASE IF EXISTS ${site} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe('off-site backups', () => {
  it('sends the backup and its signed manifest to the store; the copy verifies there and restores every row', { timeout: 600_000 }, async () => {
    const config = loadConfig({ home: work, authSecret: secret, backupUrl: storeUrl, backupToken: 'site-b-token' });
    const suite = SUITE_ALGORITHMS[config.cryptoSuite];

    // The store is down: the shipment fails (the job retries), no manifest arrives, no local copy stays.
    refuse = 1;
    await expect(shipBackup(database.db, config)).rejects.toThrow(/answered 503/);
    expect([...received.keys()].filter((k) => k.endsWith('.manifest.json'))).toEqual([]);
    expect(readdirSync(path.join(work, 'backups'))).toEqual([]);

    // The nightly job, run now by an operator: the file and its manifest arrive together.
    const before = await counts(dbUrl(site));
    const env = cliEnv(work, {
      DATABASE_URL: dbUrl(site),
      DRAGONGATE_SECRET: secret,
      DRAGONGATE_BACKUP_URL: storeUrl,
      DRAGONGATE_BACKUP_TOKEN: 'site-b-token',
    });
    const ran = await runCli(['jobs', 'run', 'backup-offsite'], env);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    const [name] = [...received.keys()].filter((k) => k.endsWith('.backup.gz'));
    expect(name).toMatch(/^dragongate-\d{4}-\d{2}-\d{2}T[\d-]+Z\.backup\.gz$/);
    const manifest = JSON.parse(received.get(manifestName(name!))!.toString()) as BackupManifest;
    expect(manifest).toMatchObject({ v: 1, file: name, bytes: received.get(name!)!.length, hashAlg: suite.hash, alg: suite.sign, rows: expect.any(Number) });
    expect(manifest.rows).toBeGreaterThan(100);
    expect(readdirSync(path.join(work, 'backups'))).toEqual([]);
    const shipped = await database.db.execute<{ payload: { digest: string } }>(
      sql`SELECT payload FROM audit_events WHERE action = 'backup.shipped' AND subject_id = ${name} ORDER BY seq DESC LIMIT 1`,
    );
    expect(shipped.rows[0]?.payload.digest).toBe(manifest.digest);

    // At the other site: the file verifies against the manifest; one changed byte, or a manifest signed by another key, does not.
    const file = path.join(work, name!);
    writeFileSync(file, received.get(name!)!);
    writeFileSync(manifestName(file), received.get(manifestName(name!))!);
    const ok = await runCli(['backup', 'verify', file], env);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${suite.hash} and ${suite.sign} signature verify`);
    const tampered = Buffer.from(received.get(name!)!);
    const middle = tampered.length >> 1;
    tampered.writeUInt8(tampered.readUInt8(middle) ^ 0xff, middle);
    writeFileSync(file, tampered);
    const bad = await runCli(['backup', 'verify', file], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/BAD .*digest differs/);
    writeFileSync(file, received.get(name!)!);
    const stranger = await runCli(['backup', 'verify', file], { ...env, DRAGONGATE_SECRET: 'another-deployment-another-deployment-9' });
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toMatch(/BAD .*not this deployment/);
    expect(existsSync(manifestName(file))).toBe(true);

    // Restored into an empty database: every table has the rows it had when the backup was taken.
    await admin(`CREATE DATABASE ${copy}`);
    const target = connect(dbUrl(copy), 1);
    try {
      await runMigrations(target.db);
      const client = await target.pool.connect();
      try {
        await restoreDatabase(client, Readable.from([gunzipSync(received.get(name!)!)]));
      } finally {
        client.release();
      }
    } finally {
      await target.close();
    }
    expect(await counts(dbUrl(copy))).toEqual(before);
  });
});

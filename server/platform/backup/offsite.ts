import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { poolOf, type Db } from '../../db/connection.js';
import { backupToFile } from '../../db/backup.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';
import { canonicalJson } from '../audit/hash-chain.js';
import { checkpointKey } from '../audit/checkpoints.js';
import type { Config } from '../config.js';
import { isHashAlg } from '../crypto/hash.js';
import { isSignAlg, signBytes, verifyBytes } from '../crypto/sign.js';
import { SUITE_ALGORITHMS, type HashAlg, type SignAlg } from '../crypto/suite.js';

/**
 * Off-site copies of the database (MLPS level 3: backup and off-site replication). The
 * `backup-offsite` job (nightly) writes the same backup `dragongate backup` writes (one
 * consistent snapshot, gzipped) under `<home>/backups/`, hashing it as it goes (SHA-256, or
 * SM3 under gm), and sends it by HTTP PUT to `DRAGONGATE_BACKUP_URL` (a store at another
 * site; `DRAGONGATE_BACKUP_TOKEN` as a Bearer token), then a manifest beside it, signed with
 * the deployment's checkpoint key (Ed25519, or SM2 with the standard ID): the other site, or
 * anyone restoring from it, checks the file with `dragongate backup verify FILE` before
 * trusting it. Each shipment is an audit event of the deployment (`backup.shipped`). The
 * local copy is removed once sent; a failed shipment throws (the job retries with a new
 * backup), and a store that has a file without its manifest has a shipment to ignore.
 */
export type BackupManifest = {
  v: 1;
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  hashAlg: HashAlg;
  digest: string;
  at: string;
  alg: SignAlg;
  kid: string;
  signature: string;
};

export const manifestName = (file: string) => `${file}.manifest.json`;

export async function shipBackup(db: Db, config: Config, now = new Date()): Promise<BackupManifest> {
  if (!config.backupUrl) throw new Error('DRAGONGATE_BACKUP_URL is not set');
  const dir = path.join(config.home, 'backups');
  mkdirSync(dir, { recursive: true });
  const name = `dragongate-${now.toISOString().replace(/[:.]/g, '-')}.backup.gz`;
  const local = path.join(dir, name);
  const hashAlg = SUITE_ALGORITHMS[config.cryptoSuite].hash;
  const digest = createHash(hashAlg);
  let bytes = 0;
  const client = await poolOf(db).connect();
  let counts: Record<string, number>;
  try {
    counts = await backupToFile(client, local, {
      tap: (chunk) => {
        digest.update(chunk);
        bytes += chunk.length;
      },
    });
  } finally {
    client.release();
  }
  const key = checkpointKey(config.authSecret, SUITE_ALGORITHMS[config.cryptoSuite].sign);
  const body: Omit<BackupManifest, 'signature'> = {
    v: 1,
    file: name,
    bytes,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    hashAlg,
    digest: digest.digest('hex'),
    at: now.toISOString(),
    alg: key.alg,
    kid: key.kid,
  };
  const manifest: BackupManifest = { ...body, signature: signBytes(key, Buffer.from(canonicalJson(body))) };
  const base = config.backupUrl.replace(/\/+$/, '');
  try {
    await put(`${base}/${name}`, config.backupToken, 'application/gzip', bytes, () => createReadStream(local));
    const text = Buffer.from(JSON.stringify(manifest) + '\n');
    await put(`${base}/${manifestName(name)}`, config.backupToken, 'application/json', text.length, () => text);
  } finally {
    rmSync(local, { force: true }); // sent, or to be made afresh by the retry
  }
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      hubId: DEPLOYMENT_CHAIN,
      actorId: null,
      action: 'backup.shipped',
      subjectType: 'backup',
      subjectId: name,
      payload: { bytes, rows: body.rows, hashAlg, digest: body.digest, store: new URL(base).host },
    }),
  );
  return manifest;
}

/** Checks a backup file against its manifest: the signature by this deployment's key, then the size and digest. */
export async function verifyBackup(
  file: string,
  manifest: BackupManifest,
  config: Pick<Config, 'authSecret'>,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (manifest.v !== 1 || !isSignAlg(manifest.alg) || !isHashAlg(manifest.hashAlg)) return { ok: false, reason: 'not a backup manifest' };
  const { signature, ...body } = manifest;
  const key = checkpointKey(config.authSecret, manifest.alg);
  if (key.kid !== manifest.kid) return { ok: false, reason: `signed with key ${manifest.kid}, not this deployment's ${key.kid}` };
  if (!verifyBytes(manifest.alg, key.publicKey, Buffer.from(canonicalJson(body)), signature))
    return { ok: false, reason: 'the manifest signature does not verify' };
  if (statSync(file).size !== manifest.bytes) return { ok: false, reason: `the file has ${statSync(file).size} bytes, the manifest says ${manifest.bytes}` };
  const digest = createHash(manifest.hashAlg);
  for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
  if (digest.digest('hex') !== manifest.digest) return { ok: false, reason: `the file's ${manifest.hashAlg} digest differs from the manifest's` };
  return { ok: true };
}

function put(url: string, token: string | undefined, type: string, length: number, body: () => NodeJS.ReadableStream | Buffer): Promise<void> {
  const target = new URL(url);
  const headers: Record<string, string | number> = { 'content-type': type, 'content-length': length };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(target, { method: 'PUT', headers }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode && response.statusCode < 300
          ? resolve()
          : reject(new Error(`the backup store answered ${response.statusCode} to ${target.pathname}`)),
      );
    });
    request.on('error', reject);
    const content = body();
    if (Buffer.isBuffer(content)) request.end(content);
    else pipeline(content, request).catch(reject);
  });
}

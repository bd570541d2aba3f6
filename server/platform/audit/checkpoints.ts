import { hkdfSync } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection.js';
import type { Config } from '../config.js';
import { hashHex } from '../crypto/hash.js';
import { isSignAlg, signBytes, signingKeyFromSeed, verifyBytes, type SigningKey } from '../crypto/sign.js';
import { SUITE_ALGORITHMS, type SignAlg } from '../crypto/suite.js';
import { readChain } from './chain-reader.js';
import { canonicalJson, GENESIS_HASH } from './hash-chain.js';

/**
 * Signed checkpoints of each hub's audit chain, kept outside the database: a database
 * administrator who rewrites events and recomputes every hash (a chain that verifies on
 * its own) still disagrees with the hashes a checkpoint signed earlier.
 *
 * A checkpoint covers the events after the previous one: their hashes in order, the
 * previous checkpoint's head (so checkpoints chain too), signed Ed25519 or SM2 by the
 * deployment's suite with a key derived from the installation secret (never stored in the
 * database). One file per checkpoint, `<dir>/<hub id>/<last seq, 12 digits>.json`, written
 * once (never overwritten); optionally POSTed to an HTTP sink as well.
 */
export type Checkpoint = {
  v: 1;
  hubId: string;
  fromSeq: number;
  toSeq: number;
  prevHead: string;
  head: string;
  /** The hash of every event fromSeq+1 .. toSeq, in order. */
  hashes: string[];
  at: string;
  alg: SignAlg;
  kid: string;
  signature: string;
};

/** The checkpoint key of an algorithm, derived from the installation secret. */
export function checkpointKey(secret: string, alg: SignAlg): SigningKey {
  const seed = Buffer.from(hkdfSync(alg === 'sm2' ? 'sm3' : 'sha256', secret, 'dragongate', `audit-checkpoint-${alg}`, 32));
  const probe = signingKeyFromSeed(alg, seed, '');
  return { ...probe, kid: hashHex(alg === 'sm2' ? 'sm3' : 'sha256', probe.publicKey).slice(0, 12) };
}

function hubDir(config: Pick<Config, 'checkpointDir'>, hubId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(hubId)) throw new Error('not a hub id');
  return path.join(config.checkpointDir, hubId);
}

/** A hub's checkpoints in order (file names sort by last seq). */
export function readCheckpoints(config: Pick<Config, 'checkpointDir'>, hubId: string): { file: string; checkpoint: Checkpoint }[] {
  const dir = hubDir(config, hubId);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d{12}\.json$/.test(n));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ file: path.join(dir, name), checkpoint: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Checkpoint }));
}

const signedBytes = (c: Omit<Checkpoint, 'signature'>) => Buffer.from(canonicalJson(c));

/**
 * Checkpoints the hub's events since its last checkpoint (null when there are none).
 * Run by the `audit-checkpoint` job for every hub, and by `dragongate audit checkpoint`.
 */
export async function writeCheckpoint(db: Db, config: Config, hubId: string, now = new Date()): Promise<Checkpoint | null> {
  const previous = readCheckpoints(config, hubId).at(-1)?.checkpoint;
  const fromSeq = previous?.toSeq ?? 0;
  const rows = await readChain(db, hubId, fromSeq, 100_000);
  if (rows.length === 0) return null;
  const key = checkpointKey(config.authSecret, SUITE_ALGORITHMS[config.cryptoSuite].sign);
  const body: Omit<Checkpoint, 'signature'> = {
    v: 1,
    hubId,
    fromSeq,
    toSeq: rows.at(-1)!.seq,
    prevHead: previous?.head ?? GENESIS_HASH,
    head: rows.at(-1)!.hash,
    hashes: rows.map((r) => r.hash),
    at: now.toISOString(),
    alg: key.alg,
    kid: key.kid,
  };
  const checkpoint: Checkpoint = { ...body, signature: signBytes(key, signedBytes(body)) };
  const dir = hubDir(config, hubId);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(checkpoint.toSeq).padStart(12, '0')}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(checkpoint) + '\n', { flag: 'wx', mode: 0o444 });
  renameSync(temporary, file);
  if (config.checkpointUrl) await sendToSink(config.checkpointUrl, checkpoint);
  return checkpoint;
}

async function sendToSink(url: string, checkpoint: Checkpoint): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(checkpoint) });
  if (!response.ok) throw new Error(`checkpoint sink answered ${response.status}`);
}

export type CheckpointBreak = {
  seq: number;
  id: string;
  file: string;
  reason: 'checkpoint_signature' | 'checkpoint_sequence' | 'checkpoint_mismatch' | 'checkpoint_missing_event';
};
export type CheckpointResult = { checkpoints: number; events: number; break: CheckpointBreak | null };

/**
 * Checks the database against every checkpoint of the hub: each signature under the key
 * derived from this installation's secret (a forged file fails), checkpoints following
 * one another, and each event's hash equal to the one signed. Names the first event that
 * differs.
 */
export async function verifyCheckpoints(db: Db, config: Pick<Config, 'checkpointDir' | 'authSecret'>, hubId: string): Promise<CheckpointResult> {
  const all = readCheckpoints(config, hubId);
  let expectedFrom = 0;
  let expectedPrev = GENESIS_HASH;
  let events = 0;
  for (const { file, checkpoint } of all) {
    const { signature, ...body } = checkpoint;
    const fail = (seq: number, reason: CheckpointBreak['reason'], id = ''): CheckpointResult => ({
      checkpoints: all.length,
      events,
      break: { seq, id, file, reason },
    });
    const key = isSignAlg(body.alg) ? checkpointKey(config.authSecret, body.alg) : null;
    if (!key || key.kid !== body.kid || body.hubId !== hubId || !verifyBytes(key.alg, key.publicKey, signedBytes(body), signature))
      return fail(body.fromSeq + 1, 'checkpoint_signature');
    if (body.fromSeq !== expectedFrom || body.prevHead !== expectedPrev || body.hashes.length !== body.toSeq - body.fromSeq || body.hashes.at(-1) !== body.head)
      return fail(body.fromSeq + 1, 'checkpoint_sequence');
    for (let start = 0; start < body.hashes.length; start += 5_000) {
      const seqs = body.hashes.slice(start, start + 5_000).map((_, i) => body.fromSeq + 1 + start + i);
      // Archived events count: archiving moves them unchanged.
      const rows = (await readChain(db, hubId, seqs[0]! - 1, seqs.length)).filter((r) => r.seq <= seqs.at(-1)!);
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      for (const [i, seq] of seqs.entries()) {
        const row = bySeq.get(seq);
        if (!row) return fail(seq, 'checkpoint_missing_event');
        if (row.hash !== body.hashes[start + i]) return fail(seq, 'checkpoint_mismatch', row.id);
        events++;
      }
    }
    expectedFrom = body.toSeq;
    expectedPrev = body.head;
  }
  return { checkpoints: all.length, events, break: null };
}

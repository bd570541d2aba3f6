import { hashHex, isHashAlg } from '../crypto/hash.js';
import type { HashAlg } from '../crypto/suite.js';

/** The fields of an audit event that its hash covers. */
export type ChainedEvent = {
  hubId: string;
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: unknown;
};

/** The hash every hub's chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * hash(prevHash + canonical event), SHA-256 or SM3 by the event's own hash_alg: changing
 * any event breaks every hash after it. (`dg_audit_append` in SQL computes the same bytes.)
 */
export function chainHash(prevHash: string, event: ChainedEvent, alg: HashAlg = 'sha256'): string {
  return hashHex(alg, prevHash, '\n', canonicalJson(event));
}

export type StoredEvent = ChainedEvent & { prevHash: string; hash: string; hashAlg: string };
export type ChainBreak = { seq: number; id: string; reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'gap' | 'unknown_hash_alg' };

/**
 * Walks events in seq order, starting after `previous` (genesis if none), and returns
 * the first break, or null. Call it batch by batch, passing the last good event along.
 */
export function findBreak(events: StoredEvent[], previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainBreak | null {
  let prev = previous;
  for (const event of events) {
    if (event.seq !== prev.seq + 1) return { seq: event.seq, id: event.id, reason: 'gap' };
    if (event.prevHash !== prev.hash) return { seq: event.seq, id: event.id, reason: 'prev_hash_mismatch' };
    const { prevHash: _p, hash, hashAlg, ...body } = event;
    if (!isHashAlg(hashAlg)) return { seq: event.seq, id: event.id, reason: 'unknown_hash_alg' };
    if (chainHash(event.prevHash, body, hashAlg) !== hash) return { seq: event.seq, id: event.id, reason: 'hash_mismatch' };
    prev = { seq: event.seq, hash };
  }
  return null;
}

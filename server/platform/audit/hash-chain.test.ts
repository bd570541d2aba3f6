import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HashAlg } from '../crypto/suite.js';
import { canonicalJson, chainHash, findBreak, GENESIS_HASH, type StoredEvent } from './hash-chain.js';

function chain(n: number, algOf: (seq: number) => HashAlg = () => 'sha256'): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      hubId: 'h',
      seq,
      id: `e${seq}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorId: seq % 2 ? 'u1' : null,
      action: 'thing.done',
      subjectType: 'thing',
      subjectId: `t${seq}`,
      payload: { n: seq, nested: { b: 1, a: [1, 2] } },
    };
    const hashAlg = algOf(seq);
    const hash = chainHash(prev, body, hashAlg);
    events.push({ ...body, prevHash: prev, hash, hashAlg });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('an intact chain has no break', () => {
    expect(findBreak(chain(20))).toBeNull();
  });

  it('verifies in batches when given the last good event', () => {
    const events = chain(10);
    const last = events[4]!;
    expect(findBreak(events.slice(5), { seq: last.seq, hash: last.hash })).toBeNull();
    expect(findBreak(events.slice(5))).toEqual({ seq: 6, id: 'e6', reason: 'gap' });
  });

  it('property: tampering with any field of any event is caught at that event', () => {
    const fields = ['actorId', 'action', 'subjectId', 'payload', 'occurredAt'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.constantFrom(...fields), fc.string({ minLength: 1 }), (index, field, value) => {
        const events = chain(15);
        const target = events[index]!;
        const tampered = { ...target, [field]: field === 'payload' ? { forged: value } : `${String(target[field])}${value}` };
        events[index] = tampered;
        expect(findBreak(events)).toEqual({ seq: target.seq, id: target.id, reason: 'hash_mismatch' });
      }),
    );
  });

  it('a re-hashed forged event still breaks the link to the next one', () => {
    const events = chain(5);
    const forged = { ...events[2]!, payload: { n: 999 } };
    const { prevHash, hash: _h, hashAlg: _a, ...body } = forged;
    events[2] = { ...forged, hash: chainHash(prevHash, body) };
    expect(findBreak(events)).toEqual({ seq: 4, id: 'e4', reason: 'prev_hash_mismatch' });
  });

  it('a chain that mixes suites verifies, each event by its own hash_alg', () => {
    const events = chain(12, (seq) => (seq <= 4 || seq > 8 ? 'sha256' : 'sm3'));
    expect(events.map((e) => e.hashAlg)).toEqual([...Array(4).fill('sha256'), ...Array(4).fill('sm3'), ...Array(4).fill('sha256')]);
    expect(findBreak(events)).toBeNull();
    // An SM3 event relabelled SHA-256 (or unknown) no longer verifies.
    expect(findBreak(events.map((e) => (e.seq === 6 ? { ...e, hashAlg: 'sha256' } : e)))).toEqual({ seq: 6, id: 'e6', reason: 'hash_mismatch' });
    expect(findBreak(events.map((e) => (e.seq === 2 ? { ...e, hashAlg: 'md5' } : e)))).toEqual({ seq: 2, id: 'e2', reason: 'unknown_hash_alg' });
  });

  it('a deleted event leaves a gap', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findBreak(events)).toEqual({ seq: 3, id: 'e3', reason: 'gap' });
  });
});

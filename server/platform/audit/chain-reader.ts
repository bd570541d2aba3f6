import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import type { StoredEvent } from './hash-chain.js';

export type ChainEvent = StoredEvent;

/**
 * The next `limit` events of a chain after `afterSeq`, archived ones included: archiving
 * moves old events to `audit_events_archive` unchanged, so a chain reads (and verifies,
 * exports, forwards) the same before and after. `until`, when given, stops at events that
 * occurred before it.
 */
export async function readChain(
  db: Db | Tx,
  chainId: string,
  afterSeq: number,
  limit: number,
  range: { from?: string; to?: string } = {},
): Promise<ChainEvent[]> {
  const from = range.from ? sql`AND occurred_at >= ${range.from}::timestamptz` : sql``;
  const to = range.to ? sql`AND occurred_at < ${range.to}::timestamptz` : sql``;
  const { rows } = await db.execute<{
    hub_id: string;
    seq: string;
    id: string;
    occurred_at: Date | string;
    actor_id: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    payload: Record<string, unknown>;
    prev_hash: string;
    hash: string;
    hash_alg: string;
  }>(sql`
    SELECT * FROM (
      SELECT hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash, hash_alg
        FROM audit_events_archive WHERE hub_id = ${chainId} AND seq > ${afterSeq} ${from} ${to}
      UNION ALL
      SELECT hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash, hash_alg
        FROM audit_events WHERE hub_id = ${chainId} AND seq > ${afterSeq} ${from} ${to}
    ) e ORDER BY seq LIMIT ${limit}`);
  return rows.map((r) => ({
    hubId: r.hub_id,
    seq: Number(r.seq),
    id: r.id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
    hashAlg: r.hash_alg,
  }));
}

/** How many events a chain holds, archived ones included. */
export async function countChain(db: Db | Tx, chainId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM audit_events WHERE hub_id = ${chainId}) + (SELECT count(*) FROM audit_events_archive WHERE hub_id = ${chainId}) AS n`);
  return Number(rows[0]?.n ?? 0);
}

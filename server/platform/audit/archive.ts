import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from './audit.js';

export type ArchiveResult = { chainId: string; archived: number; fromSeq: number | null; toSeq: number | null };

/**
 * Moves a chain's events older than `onlineDays` (at least 184: six months, Cybersecurity
 * Law art. 21) from `audit_events` to `audit_events_archive`, unchanged, in one statement
 * (a row is in exactly one of the two at every moment), and records that it did in the
 * chain itself. Nothing is ever deleted: the chain verifies, exports and checkpoints across
 * both tables.
 */
export async function archiveChain(db: Db, chainId: string, onlineDays: number, now = new Date()): Promise<ArchiveResult> {
  if (!Number.isInteger(onlineDays) || onlineDays < 184) throw new Error('audit events stay online at least 184 days');
  const before = new Date(now.getTime() - onlineDays * 86_400_000).toISOString();
  return withTransaction(db, async (tx) => {
    const { rows } = await tx.execute<{ n: number; from_seq: string | null; to_seq: string | null }>(sql`
      WITH moved AS (
        DELETE FROM audit_events WHERE hub_id = ${chainId} AND occurred_at < ${before}::timestamptz
        RETURNING hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash, hash_alg
      ), kept AS (
        INSERT INTO audit_events_archive (hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash, hash_alg)
        SELECT * FROM moved RETURNING seq
      )
      SELECT count(*)::int AS n, min(seq) AS from_seq, max(seq) AS to_seq FROM kept`);
    const row = rows[0]!;
    const result = {
      chainId,
      archived: row.n,
      fromSeq: row.from_seq === null ? null : Number(row.from_seq),
      toSeq: row.to_seq === null ? null : Number(row.to_seq),
    };
    if (result.archived > 0) {
      await recordAudit(tx, {
        hubId: chainId,
        actorId: null,
        action: 'audit.archived',
        subjectType: 'audit_log',
        subjectId: chainId,
        payload: { count: result.archived, fromSeq: result.fromSeq, toSeq: result.toSeq, before },
      });
    }
    return result;
  });
}

import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { uuidv7 } from '../ids.js';
import { auditEvents, auditHeads } from './audit.tables.js';
import { chainHash, findBreak, GENESIS_HASH, type ChainBreak, type StoredEvent } from './hash-chain.js';

export type AuditInput = {
  hubId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Ids and facts only: never names, emails or identity numbers. */
  payload?: Record<string, unknown>;
};

/**
 * Appends one event to the hub's chain inside the caller's transaction, so the event
 * exists exactly when the change does. Locks the hub's chain head until commit.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  // One statement creates the head on first use, locks it, and returns the chain's tip.
  const { rows } = await tx.execute<{ seq: string; hash: string }>(sql`
    INSERT INTO audit_heads (hub_id, seq, hash) VALUES (${input.hubId}, 0, ${GENESIS_HASH})
    ON CONFLICT (hub_id) DO UPDATE SET seq = audit_heads.seq
    RETURNING seq, hash`);
  const head = rows[0]!;
  const event = {
    hubId: input.hubId,
    seq: Number(head.seq) + 1,
    id: uuidv7(),
    occurredAt: new Date().toISOString(),
    actorId: input.actorId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    payload: input.payload ?? {},
  };
  const hash = chainHash(head.hash, event);
  // And one more appends the event and moves the tip.
  await tx.execute(sql`
    WITH appended AS (
      INSERT INTO audit_events (hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash)
      VALUES (${event.hubId}, ${event.seq}, ${event.id}, ${event.occurredAt}, ${event.actorId}, ${event.action}, ${event.subjectType}, ${event.subjectId}, ${JSON.stringify(event.payload)}::jsonb, ${head.hash}, ${hash})
    )
    UPDATE audit_heads SET seq = ${event.seq}, hash = ${hash} WHERE hub_id = ${input.hubId}`);
}

export type VerifyResult = { hubId: string; events: number; break: ChainBreak | null };

/** Recomputes a hub's chain from the first event, in batches, reporting progress. */
export async function verifyAuditChain(db: Db, hubId: string, onProgress: (done: number) => void = () => {}): Promise<VerifyResult> {
  const batchSize = 2_000;
  let previous = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.hubId, hubId), gt(auditEvents.seq, previous.seq)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    const events: StoredEvent[] = rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
    const broken = findBreak(events, previous);
    if (broken) return { hubId, events: count, break: broken };
    count += rows.length;
    onProgress(count);
    const last = rows[rows.length - 1];
    if (last) previous = { seq: last.seq, hash: last.hash };
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.hubId, hubId));
  // Events deleted from the end leave the head ahead of the last event.
  if (head && head.seq !== previous.seq) return { hubId, events: count, break: { seq: previous.seq + 1, id: '', reason: 'gap' } };
  return { hubId, events: count, break: null };
}

export async function countAuditEvents(db: Db, hubId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.hubId, hubId));
  return row?.n ?? 0;
}

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
  await tx.insert(auditHeads).values({ hubId: input.hubId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx
    .select({ seq: auditHeads.seq, hash: auditHeads.hash })
    .from(auditHeads)
    .where(eq(auditHeads.hubId, input.hubId))
    .for('update');
  if (!head) throw new Error('audit head missing after upsert');
  const event = {
    hubId: input.hubId,
    seq: head.seq + 1,
    id: uuidv7(),
    occurredAt: new Date().toISOString(),
    actorId: input.actorId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    payload: input.payload ?? {},
  };
  const hash = chainHash(head.hash, event);
  await tx.insert(auditEvents).values({ ...event, prevHash: head.hash, hash });
  await tx.update(auditHeads).set({ seq: event.seq, hash }).where(eq(auditHeads.hubId, input.hubId));
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

import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { uuidv7 } from '../ids.js';
import { auditHeads } from './audit.tables.js';
import { countChain, readChain } from './chain-reader.js';
import { canonicalJson, findBreak, GENESIS_HASH, type ChainBreak } from './hash-chain.js';

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
 * exists exactly when the change does. Locks the hub's chain head until commit. One round
 * trip: `dg_audit_append` (the ledger's commit uses it too) reads the head, hashes the
 * event exactly as hash-chain.ts `chainHash` does (SHA-256, or SM3 when the session's
 * crypto suite is gm: migration 0028), inserts it and moves the head.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(sql`
    SELECT dg_audit_append(${input.hubId}::uuid, ${uuidv7()}::uuid, ${new Date().toISOString()}::timestamptz, ${input.actorId}::uuid,
      ${input.action}, ${input.subjectType}, ${input.subjectId}, ${canonicalJson(input.payload ?? {})})`);
}

export type VerifyResult = { hubId: string; events: number; break: ChainBreak | null };

/** Recomputes a hub's chain from the first event (archived ones included), in batches, reporting progress. */
export async function verifyAuditChain(db: Db, hubId: string, onProgress: (done: number) => void = () => {}): Promise<VerifyResult> {
  const batchSize = 2_000;
  // The chain as it stood when the check began: its head is read first, so events written
  // meanwhile (a live server) are past it, never a false gap.
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.hubId, hubId));
  const end = head ? Number(head.seq) : Number.POSITIVE_INFINITY;
  let previous = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const batch = await readChain(db, hubId, previous.seq, batchSize);
    const events = batch.filter((event) => event.seq <= end);
    const broken = findBreak(events, previous);
    if (broken) return { hubId, events: count, break: broken };
    count += events.length;
    onProgress(count);
    const last = events[events.length - 1];
    if (last) previous = { seq: last.seq, hash: last.hash };
    if (batch.length < batchSize || events.length < batch.length) break;
  }
  // Events deleted from the end leave the head ahead of the last event.
  if (head && end !== previous.seq) return { hubId, events: count, break: { seq: previous.seq + 1, id: '', reason: 'gap' } };
  return { hubId, events: count, break: null };
}

/** Events in a hub's chain, archived ones included. */
export async function countAuditEvents(db: Db, hubId: string): Promise<number> {
  return countChain(db, hubId);
}

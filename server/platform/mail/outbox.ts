import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { uuidv7 } from '../ids.js';
import { accountEmailOutbox, emailOutbox } from './outbox.tables.js';

export type OutgoingEmail = { to: string; subject: string; text: string; cause: string };

/** Queues messages inside the caller's transaction: they go out only if it commits. */
export async function enqueueEmails(tx: Tx, hubId: string, messages: readonly OutgoingEmail[]): Promise<number> {
  for (let i = 0; i < messages.length; i += 1_000) {
    const rows = messages.slice(i, i + 1_000).map((m) => ({ hubId, id: uuidv7(), toAddress: m.to, subject: m.subject, bodyText: m.text, cause: m.cause }));
    await tx.insert(emailOutbox).values(rows);
  }
  return messages.length;
}

/** How many messages of a hub wait, went out, or gave up (for health and tests). */
export async function outboxCounts(tx: Pick<Tx, 'execute'>, hubId: string): Promise<Record<'queued' | 'sending' | 'sent' | 'failed', number>> {
  const { rows } = await tx.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM email_outbox WHERE hub_id = ${hubId} GROUP BY status`,
  );
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts] = r.n;
  return counts;
}

/** Queues one message about an account (not a hub), e.g. a password reset link. */
export async function enqueueAccountEmail(tx: Pick<Tx, 'insert'>, message: OutgoingEmail): Promise<void> {
  await tx.insert(accountEmailOutbox).values({ id: uuidv7(), toAddress: message.to, subject: message.subject, bodyText: message.text, cause: message.cause });
}

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

/** What sends one message: nodemailer's transport in the product (mailer.ts). */
export type SendMail = (message: { messageId: string; to: string; subject: string; text: string }) => Promise<void>;

/** Retry schedule: 1, 2, 4 ... minutes, then give up after this many attempts. */
export const MAX_ATTEMPTS = 8;
/** A message claimed by a sender that died is claimed again after this long. */
const CLAIM_SECONDS = 120;

type Claimed = { id: string; to_address: string; subject: string; body_text: string; attempts: number };
type Counts = { sent: number; failed: number; retrying: number };
type Options = { domain: string; batch?: number };

/**
 * Sends what is due, hub by hub, then the accounts' messages (password resets,
 * verifications), a batch at a time. Claiming is one UPDATE ... SKIP LOCKED scoped to one
 * hub (so on Citus it routes to one shard, which permits the lock; a claim across hubs is
 * refused there) or to the global account table, so several workers never take the same
 * row; a row stays claimed (status 'sending') for CLAIM_SECONDS, so a killed sender's
 * messages are retried, never lost.
 */
export async function deliverOutbox(db: Db, send: SendMail, options: Options = { domain: 'dragongate.local' }): Promise<Counts> {
  const result = { sent: 0, failed: 0, retrying: 0 };
  const add = (c: Counts) => ((result.sent += c.sent), (result.failed += c.failed), (result.retrying += c.retrying));
  const { rows: hubs } = await db.execute<{ id: string }>(sql`SELECT id FROM hubs ORDER BY id`);
  for (const hub of hubs) add(await drain(db, hubOutbox(hub.id), send, options));
  add(await drain(db, accountOutbox, send, options));
  return result;
}

/**
 * One part of the outbox to drain: a hub's messages, or the accounts'. Both are claimed,
 * sent and settled by the same statements; only the table and the rows' scope differ.
 */
type Outbox = { table: SQL; scope: SQL; claim: (batch: number) => SQL; row: (id: string) => SQL };

function outbox(table: SQL, scope: SQL): Outbox {
  return {
    table,
    scope,
    row: (id) => sql`${scope} AND id = ${id}`,
    claim: (batch) => sql`
      UPDATE ${table} o SET status = 'sending', attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
      WHERE ${scope} AND o.id IN (
        SELECT id FROM ${table}
        WHERE ${scope} AND status IN ('queued', 'sending') AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED
      )
      RETURNING o.id, o.to_address, o.subject, o.body_text, o.attempts`,
  };
}

const hubOutbox = (hubId: string) => outbox(sql`email_outbox`, sql`hub_id = ${hubId}`);
const accountOutbox = outbox(sql`account_email_outbox`, sql`true`);

async function drain(db: Db, box: Outbox, send: SendMail, options: Options): Promise<Counts> {
  const result = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const { rows } = await db.execute<Claimed>(box.claim(options.batch ?? 50));
    if (rows.length === 0) return result;
    for (const row of rows) {
      try {
        await send({ messageId: `<${row.id}@${options.domain}>`, to: row.to_address, subject: row.subject, text: row.body_text });
        await db.execute(sql`UPDATE ${box.table} SET status = 'sent', sent_at = now(), last_error = NULL WHERE ${box.row(row.id)}`);
        result.sent++;
      } catch (error) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const message = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
        await db.execute(sql`
          UPDATE ${box.table} SET status = ${giveUp ? 'failed' : 'queued'}, last_error = ${message},
            next_attempt_at = now() + make_interval(mins => ${2 ** (row.attempts - 1)})
          WHERE ${box.row(row.id)}`);
        if (giveUp) result.failed++;
        else result.retrying++;
      }
    }
  }
}

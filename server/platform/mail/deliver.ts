import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

/** What sends one message: nodemailer's transport in the product (mailer.ts). */
export type SendMail = (message: { messageId: string; to: string; subject: string; text: string }) => Promise<void>;

/** Retry schedule: 1, 2, 4 ... minutes, then give up after this many attempts. */
export const MAX_ATTEMPTS = 8;
/** A message claimed by a sender that died is claimed again after this long. */
const CLAIM_SECONDS = 120;

type Claimed = { hub_id: string; id: string; to_address: string; subject: string; body_text: string; attempts: number };

/**
 * Sends what is due, a batch at a time. Claiming is one UPDATE ... SKIP LOCKED, so
 * several workers never take the same row; a row stays claimed (status 'sending') for
 * CLAIM_SECONDS, so a killed sender's messages are retried, never lost.
 */
export async function deliverOutbox(db: Db, send: SendMail, options: { domain: string; batch?: number } = { domain: 'dragongate.local' }): Promise<{ sent: number; failed: number; retrying: number }> {
  const result = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const { rows } = await db.execute<Claimed>(sql`
      UPDATE email_outbox o SET status = 'sending', attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
      FROM (
        SELECT hub_id, id FROM email_outbox
        WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT ${options.batch ?? 50} FOR UPDATE SKIP LOCKED
      ) due
      WHERE o.hub_id = due.hub_id AND o.id = due.id
      RETURNING o.hub_id, o.id, o.to_address, o.subject, o.body_text, o.attempts`);
    if (rows.length === 0) return result;
    for (const row of rows) {
      try {
        await send({ messageId: `<${row.id}@${options.domain}>`, to: row.to_address, subject: row.subject, text: row.body_text });
        await db.execute(sql`UPDATE email_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE hub_id = ${row.hub_id} AND id = ${row.id}`);
        result.sent++;
      } catch (error) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const message = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
        await db.execute(sql`
          UPDATE email_outbox SET status = ${giveUp ? 'failed' : 'queued'}, last_error = ${message},
            next_attempt_at = now() + make_interval(mins => ${2 ** (row.attempts - 1)})
          WHERE hub_id = ${row.hub_id} AND id = ${row.id}`);
        if (giveUp) result.failed++;
        else result.retrying++;
      }
    }
  }
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { localToday } from '../../platform/hub-time.js';
import { enqueueEmails } from '../../platform/mail/index.js';
import { notify } from '../../platform/notifications/index.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { addDays } from './rent-schedule.js';

export const REMIND_DAYS = 30;

/**
 * Holds about to run out remind the park's operators once (in the app, and by e-mail when
 * SMTP is configured): `REMIND_DAYS` before the end. Holds whose end has come are marked
 * expired (their claims end on that day by themselves). One transaction; rows already
 * being handled by another process are skipped.
 */
export async function remindExpiringHolds(
  db: Db,
  hub: HubRow,
  now: Date,
  mail: { publicUrl: string } | null = null,
): Promise<{ reminded: number; expired: number }> {
  const today = localToday(hub.timeZone, now);
  return withTransaction(db, async (tx) => {
    const { rows: due } = await tx.execute<{ id: string; ref: string; ends_on: string; park_id: string }>(sql`
      SELECT id, ref, ends_on::text, park_id FROM space_holds
      WHERE hub_id = ${hub.id} AND status = 'active' AND reminded_at IS NULL AND ends_on > ${today} AND ends_on <= ${addDays(today, REMIND_DAYS)}
      ORDER BY id FOR UPDATE SKIP LOCKED`);
    let reminded = 0;
    for (const h of due) {
      const { rows: operators } = await tx.execute<{ user_id: string; email: string }>(sql`
        SELECT o.user_id, u.email FROM space_park_operators o JOIN users u ON u.id = o.user_id WHERE o.hub_id = ${hub.id} AND o.park_id = ${h.park_id}`);
      const link = `/hubs/${hub.slug}/space-desk`;
      const written = await notify(
        tx,
        hub.id,
        operators.map((o) => ({
          userId: o.user_id,
          kind: 'space_hold_expiring',
          subjectType: 'space_hold',
          subjectId: h.id,
          payload: { ref: h.ref, endsOn: h.ends_on, title: { zh: `保留 ${h.ref} 将于 ${h.ends_on} 到期`, en: `Hold ${h.ref} ends on ${h.ends_on}` }, link },
        })),
      );
      if (mail) {
        const to = operators.filter((o) => written.some((w) => w.userId === o.user_id));
        await enqueueEmails(
          tx,
          hub.id,
          to.map((o) => ({
            to: o.email,
            subject: `保留 ${h.ref} 将于 ${h.ends_on} 到期 / Hold ${h.ref} ends on ${h.ends_on}`,
            text: `保留 ${h.ref} 将于 ${h.ends_on} 到期：请续期、转为租约或释放。\nHold ${h.ref} ends on ${h.ends_on}: extend it, convert it into a lease or release it.\n${mail.publicUrl}${link}`,
            cause: `space_hold:${h.id}`,
          })),
        );
      }
      await tx.execute(sql`UPDATE space_holds SET reminded_at = ${now.toISOString()} WHERE hub_id = ${hub.id} AND id = ${h.id}`);
      reminded++;
    }
    const { rows: expired } = await tx.execute<{ id: string }>(sql`
      UPDATE space_holds SET status = 'expired' WHERE hub_id = ${hub.id} AND status = 'active' AND ends_on <= ${today} RETURNING id`);
    for (const e of expired)
      await recordAudit(tx, { hubId: hub.id, actorId: null, action: 'space.hold_expired', subjectType: 'space_hold', subjectId: e.id, payload: { on: today } });
    return { reminded, expired: expired.length };
  });
}

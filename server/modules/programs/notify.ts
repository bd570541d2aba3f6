import type { Tx } from '../../db/connection.js';
import { uuidv7 } from '../../platform/ids.js';
import { notifications } from './matches.tables.js';

export type NotificationInput = { userId: string; kind: string; subjectType: string; subjectId: string; payload: Record<string, unknown> };

/**
 * In-app notifications for other modules (reminders of reports due, decisions). One per
 * user, kind and subject: sending the same again changes nothing. Returns how many were new.
 */
export async function notify(tx: Tx, hubId: string, items: NotificationInput[]): Promise<number> {
  if (!items.length) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(items.map((n) => ({ hubId, id: uuidv7(), ...n })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Notification } from '../../../contracts/notifications.js';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError, notFound } from '../errors.js';
import { pageOf, readCursor } from '../pagination.js';
import { uuidv7 } from '../ids.js';
import type { Actor } from '../policies.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { notifications } from './notifications.tables.js';

type Scope = { hub: HubRow; actor: Actor };
export type NewNotification = { userId: string; kind: string; subjectType: string; subjectId: string; payload: Record<string, unknown> };

/** A person's own notifications only: there is no way to name someone else's. */
function me(actor: Actor): string {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED');
  return actor.userId;
}

/**
 * Writes notifications in the caller's transaction. One per (user, kind, subject):
 * notifying again is a no-op, and only the rows written are returned.
 */
export async function notify(tx: Tx, hubId: string, items: readonly NewNotification[]): Promise<{ id: string; userId: string }[]> {
  const written: { id: string; userId: string }[] = [];
  for (let i = 0; i < items.length; i += 2_000) {
    const rows = items.slice(i, i + 2_000).map((n) => ({ hubId, id: uuidv7(), ...n }));
    written.push(...(await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id, userId: notifications.userId })));
  }
  return written;
}

export async function listNotifications(
  db: Db,
  scope: Scope,
  query: CursorQuery & { unreadOnly: boolean },
): Promise<CursorPage<Notification> & { unread: number }> {
  const userId = me(scope.actor);
  const mine = and(eq(notifications.hubId, scope.hub.id), eq(notifications.userId, userId));
  // The cursor holds the last notification's id; its exact created_at is read back in SQL.
  const key = readCursor(query.next, 1);
  const afterKey = key
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (SELECT n.created_at, n.id FROM notifications n WHERE n.hub_id = ${scope.hub.id} AND n.id = ${key[0]}::uuid)`
    : undefined;
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(mine, query.unreadOnly ? isNull(notifications.readAt) : undefined, afterKey))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit + 1),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const page = pageOf(rows, query.limit, (r) => [r.id]);
  return {
    next: page.next,
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      payload: r.payload as Record<string, unknown>,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks one of the caller's notifications read (someone else's is 404); reading twice changes nothing. */
export async function markNotificationRead(db: Db, scope: Scope, id: string): Promise<void> {
  const userId = me(scope.actor);
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.hubId, scope.hub.id), eq(notifications.userId, userId), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw notFound();
}

export async function markAllNotificationsRead(db: Db, scope: Scope): Promise<{ marked: number }> {
  const userId = me(scope.actor);
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.hubId, scope.hub.id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: updated.length };
}

import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CursorPage } from '../../../contracts/pagination.js';
import type { PublicNotice } from '../../../contracts/notices.js';
import type { Db } from '../../db/connection.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { publicOrganizations } from '../ecosystem/index.js';
import { noticedAwards } from '../programs/index.js';
import { noticeObjections, publicNotices } from './notices.tables.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * listPublicNotices: the hub's notice board, newest first, for anyone. Each award with
 * its amount and the decision's reason, its period, and the reasons objections were
 * dismissed; never who objected or how many objected. Reopened notices leave the board.
 */
export async function listPublicNotices(
  db: Db,
  hub: HubRow,
  query: { limit: number; next?: string | undefined },
  now = new Date(),
): Promise<CursorPage<PublicNotice>> {
  const key = readCursor(query.next, 2);
  const rows = await db
    .select()
    .from(publicNotices)
    .where(
      and(eq(publicNotices.hubId, hub.id), eq(publicNotices.status, 'open'), key ? after([publicNotices.startsOn, publicNotices.id], key, 'desc') : undefined),
    )
    .orderBy(desc(publicNotices.startsOn), desc(publicNotices.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.startsOn, r.id]);
  const awards = await noticedAwards(
    db,
    hub.id,
    page.items.map((n) => n.applicationId),
  );
  const orgs = await publicOrganizations(db, hub.id, [...new Set([...awards.values()].flatMap((a) => (a.organizationId ? [a.organizationId] : [])))]);
  const dismissed = page.items.length
    ? await db
        .select({ noticeId: noticeObjections.noticeId, reason: noticeObjections.resolution, at: noticeObjections.resolvedAt })
        .from(noticeObjections)
        .where(
          and(
            eq(noticeObjections.hubId, hub.id),
            eq(noticeObjections.status, 'dismissed'),
            inArray(
              noticeObjections.noticeId,
              page.items.map((n) => n.id),
            ),
          ),
        )
        .orderBy(noticeObjections.resolvedAt)
    : [];
  const today = localToday(hub.timeZone, now);
  return {
    next: page.next,
    items: page.items.map((n) => {
      const award = awards.get(n.applicationId)!;
      const org = award.organizationId ? orgs.get(award.organizationId) : undefined;
      return {
        number: award.number,
        program: { id: award.program.id, name: { zh: award.program.zh, en: award.program.en } },
        recipient: org ? { name: { zh: org.zh, en: org.en }, uscc: org.uscc } : null,
        amount: award.amount.toString(),
        reason: n.reason,
        startsOn: n.startsOn,
        endsOn: n.endsOn,
        open: n.endsOn >= today,
        dismissals: dismissed.filter((d) => d.noticeId === n.id).map((d) => ({ reason: d.reason ?? '', at: d.at!.toISOString() })),
      };
    }),
  };
}

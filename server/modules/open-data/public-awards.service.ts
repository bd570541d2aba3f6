import type { CursorPage } from '../../../contracts/pagination.js';
import type { PublicAward, PublicAwardStatus } from '../../../contracts/open-data.js';
import type { Db } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { commitmentTransactions } from '../budget/index.js';
import { publicOrganizations } from '../ecosystem/index.js';
import { publicAwardsPage } from '../programs/index.js';
import { openDataPrefix } from './open-data.service.js';
import { grantId } from './three-sixty-giving.js';

/**
 * listPublicAwards: a page of the hub's awards to organisations (newest first), for anyone.
 * Awards to individuals are never listed (the public budget counts and sums them).
 */
export async function listPublicAwards(
  db: Db,
  hub: HubRow,
  query: { limit: number; next?: string | undefined; program?: string | undefined },
): Promise<CursorPage<PublicAward>> {
  const page = await publicAwardsPage(db, hub.id, { limit: query.limit, next: query.next, programId: query.program });
  const orgs = await publicOrganizations(db, hub.id, [...new Set(page.items.map((a) => a.organizationId!))]);
  const commitments = await commitmentTransactions(
    db,
    hub.id,
    page.items.map((a) => a.commitmentId),
  );
  const committedAt = new Map(commitments.filter((m) => m.kind === 'commitment').map((m) => [m.commitmentId, m.at]));
  return {
    next: page.next,
    items: page.items.map((a) => {
      const org = orgs.get(a.organizationId!)!;
      return {
        number: a.number,
        grantId: grantId(openDataPrefix(hub), a.number),
        program: { id: a.program.id, name: { zh: a.program.zh, en: a.program.en } },
        recipient: { name: { zh: org.zh, en: org.en }, uscc: org.uscc },
        amount: a.amount.toString(),
        awardedOn: localToday(hub.timeZone, committedAt.get(a.commitmentId) ?? a.createdAt),
        status: a.status as PublicAwardStatus,
      };
    }),
  };
}

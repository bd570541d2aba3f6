import type { CursorPage } from '../../../contracts/pagination.js';
import type { PublicAward } from '../../../contracts/open-data.js';
import type { Db } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { AppError } from '../../platform/errors.js';
import { programNames, publicAwardsPage } from '../programs/index.js';
import { rentGrantsPage } from '../spaces/index.js';
import { fromApplication, fromLease, withDetails } from './award-sources.js';
import { mergePages } from './merge-sources.js';
import { openDataPrefix } from './open-data.service.js';
import { grantId } from './three-sixty-giving.js';

/**
 * listPublicAwards: a page of the hub's awards to organisations (newest first), for anyone:
 * applications holding a commitment and leases with a rent subsidy, merged by id under one
 * cursor (one read of each a page). Awards to individuals are never listed (the public
 * budget counts and sums them). A `program` of another hub, or none, is 404.
 */
export async function listPublicAwards(
  db: Db,
  hub: HubRow,
  query: { limit: number; next?: string | undefined; program?: string | undefined },
): Promise<CursorPage<PublicAward>> {
  if (query.program && !(await programNames(db, hub.id, [query.program])).has(query.program)) {
    throw new AppError('NOT_FOUND', [{ path: 'program', code: 'NOT_IN_HUB' }]);
  }
  const filter = { limit: query.limit, next: query.next, programId: query.program };
  const applications = await publicAwardsPage(db, hub.id, filter);
  const leases = await rentGrantsPage(db, hub.id, filter);
  const page = mergePages(
    [
      { items: applications.items.map(fromApplication), next: applications.next },
      { items: leases.items.map(fromLease), next: leases.next },
    ],
    query.limit,
    (a) => a.id,
  );
  const awards = await withDetails(db, hub, page.items);
  return {
    next: page.next,
    items: awards.map((a) => ({
      number: a.key,
      grantId: grantId(openDataPrefix(hub), a.key),
      program: { id: a.program.id, name: { zh: a.program.zh, en: a.program.en } },
      recipient: { name: { zh: a.recipient.zh, en: a.recipient.en }, uscc: a.recipient.uscc },
      amount: a.amount.toString(),
      awardedOn: a.awardedOn,
      status: a.status,
    })),
  };
}

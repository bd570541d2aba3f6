import type { HubRole } from '../../../contracts/auth.js';
import type { Hub } from '../../../contracts/hubs.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { uuidv7 } from '../ids.js';
import { forgetHubs } from './tenancy.js';
import { hubRoleGrants, hubs } from './tenancy.tables.js';

/** Opens a hub (a city's programme); its audit chain starts with this event. */
export async function createHub(db: Db, hub: Hub, actorId: string | null = null): Promise<string> {
  const id = uuidv7();
  await withTransaction(db, async (tx) => {
    await tx.insert(hubs).values({
      id,
      slug: hub.slug,
      nameZh: hub.name.zh,
      nameEn: hub.name.en,
      country: hub.country,
      timeZone: hub.timeZone,
      currency: hub.currency,
      defaultLocale: hub.defaultLocale,
    });
    await recordAudit(tx, { hubId: id, actorId, action: 'hub.created', subjectType: 'hub', subjectId: id, payload: { slug: hub.slug } });
  });
  forgetHubs(db);
  return id;
}

/** Gives a user a staff role in a hub (no-op if they hold it already). */
export async function grantHubRole(tx: Tx, input: { hubId: string; userId: string; role: HubRole; actorId: string | null }): Promise<void> {
  const added = await tx.insert(hubRoleGrants).values({ hubId: input.hubId, userId: input.userId, role: input.role }).onConflictDoNothing().returning();
  if (added.length === 0) return;
  await recordAudit(tx, {
    hubId: input.hubId,
    actorId: input.actorId,
    action: 'hub.role_granted',
    subjectType: 'user',
    subjectId: input.userId,
    payload: { role: input.role },
  });
}

import { and, eq } from 'drizzle-orm';
import type { HubRole } from '../../../contracts/auth.js';
import type { HubBasics } from '../../../contracts/hubs.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { forgetSessions } from '../auth/session-actors.js';
import { uuidv7 } from '../ids.js';
import { assertSeparateDuties } from './separation-of-duties.js';
import { forgetHubs } from './tenancy.js';
import { hubRoleGrants, hubs } from './tenancy.tables.js';

/** Opens a hub (a city's programme); its audit chain starts with this event. */
export async function createHub(db: Db, hub: HubBasics, actorId: string | null = null): Promise<string> {
  const id = await withTransaction(db, (tx) => insertHub(tx, hub, actorId));
  forgetHubs(db);
  return id;
}

/** The hub row and its first audit event, in the caller's transaction. */
export async function insertHub(tx: Tx, hub: HubBasics, actorId: string | null): Promise<string> {
  const id = uuidv7();
  await tx.insert(hubs).values({
    id,
    slug: hub.slug,
    nameZh: hub.name.zh,
    nameEn: hub.name.en,
    country: hub.country,
    timeZone: hub.timeZone,
    currency: hub.currency,
    defaultLocale: hub.defaultLocale,
    code: hub.code ?? defaultHubCode(hub.slug),
    ...(hub.fiscalYearStartMonth !== undefined && { fiscalYearStartMonth: hub.fiscalYearStartMonth }),
    ...(hub.workingDays && { workingDays: [...hub.workingDays].sort() }),
    ...(hub.holidays && { holidays: [...new Set(hub.holidays)].sort() }),
    ...(hub.makeUpWorkdays && { makeUpWorkdays: [...new Set(hub.makeUpWorkdays)].sort() }),
    ...(hub.openDataPrefix && { openDataPrefix: hub.openDataPrefix }),
    ...(hub.districts && { districts: hub.districts }),
    ...(hub.techShareDefaultBasisPoints !== undefined && { techShareDefaultBp: hub.techShareDefaultBasisPoints }),
  });
  await recordAudit(tx, { hubId: id, actorId, action: 'hub.created', subjectType: 'hub', subjectId: id, payload: { slug: hub.slug } });
  return id;
}

/** Gives a user a staff role in a hub (no-op if they hold it already); never a second administrator's duty (SEPARATION_OF_DUTIES). */
export async function grantHubRole(tx: Tx, input: { hubId: string; userId: string; role: HubRole; actorId: string | null }): Promise<void> {
  const held = await tx
    .select({ role: hubRoleGrants.role })
    .from(hubRoleGrants)
    .where(and(eq(hubRoleGrants.hubId, input.hubId), eq(hubRoleGrants.userId, input.userId)));
  assertSeparateDuties(
    held.map((r) => r.role as HubRole),
    [input.role],
    'role',
  );
  const added = await tx.insert(hubRoleGrants).values({ hubId: input.hubId, userId: input.userId, role: input.role }).onConflictDoNothing().returning();
  if (added.length === 0) return;
  forgetSessions();
  await recordAudit(tx, {
    hubId: input.hubId,
    actorId: input.actorId,
    action: 'hub.role_granted',
    subjectType: 'user',
    subjectId: input.userId,
    payload: { role: input.role },
  });
}

/** A hub without a code of its own: the first two letters of its slug (hangzhou -> HA). */
export function defaultHubCode(slug: string): string {
  return (slug.replace(/[^a-z]/g, '').slice(0, 2) || 'dg').toUpperCase().padEnd(2, 'X');
}

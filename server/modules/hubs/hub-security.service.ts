import { eq } from 'drizzle-orm';
import type { HubSecurity } from '../../../contracts/hub-security.js';
import type { HubRole } from '../../../contracts/auth.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { forgetSessions } from '../../platform/auth/session-actors.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { hubSecurityPolicy } from './hubs.policies.js';
import { hubSecuritySettings } from './hubs.tables.js';

type Scope = { hub: HubRow; actor: Actor };

const none: HubSecurity = { twoFactorRoles: [], idleMinutes: null, absoluteHours: null };

/** The hub's sign-in rules (none set: no second factor required, no limits beyond the default week). */
export async function readHubSecurity(db: Db | Tx, { hub, actor }: Scope): Promise<HubSecurity> {
  hubSecurityPolicy.authorize(actor, 'read', null);
  const [row] = await db.select().from(hubSecuritySettings).where(eq(hubSecuritySettings.hubId, hub.id));
  if (!row) return none;
  return { twoFactorRoles: row.twoFactorRoles as HubRole[], idleMinutes: row.idleMinutes, absoluteHours: row.absoluteHours };
}

/** A security admin (or system admin) sets the rules; they apply from the next request of every session (audited). */
export async function updateHubSecurity(tx: Tx, scope: Scope, input: HubSecurity): Promise<HubSecurity> {
  hubSecurityPolicy.authorize(scope.actor, 'update', null, 'read');
  const values = { twoFactorRoles: [...input.twoFactorRoles].sort(), idleMinutes: input.idleMinutes, absoluteHours: input.absoluteHours };
  await tx
    .insert(hubSecuritySettings)
    .values({ hubId: scope.hub.id, ...values })
    // The time from here: Citus refuses now() (not immutable) in DO UPDATE SET.
    .onConflictDoUpdate({ target: hubSecuritySettings.hubId, set: { ...values, updatedAt: new Date() } });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'hub.security_updated',
    subjectType: 'hub',
    subjectId: scope.hub.id,
    payload: values,
  });
  forgetSessions();
  return values;
}

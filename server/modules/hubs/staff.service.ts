import { and, eq, sql } from 'drizzle-orm';
import type { HubRole } from '../../../contracts/auth.js';
import type { CursorPage } from '../../../contracts/pagination.js';
import type { StaffListQuery } from '../../../contracts/staff.js';
import type { Db, Tx } from '../../db/connection.js';
import { users } from '../../platform/auth/auth.tables.js';
import { pageOf, readCursorOf } from '../../platform/pagination.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { likePattern } from '../../platform/sql.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/policies.js';
import { forgetSessions } from '../../platform/auth/session-actors.js';
import { assertSeparateDuties } from '../../platform/tenancy/separation-of-duties.js';
import { loadActor, type HubRow } from '../../platform/tenancy/tenancy.js';
import { hubRoleGrants, hubSuspensions } from '../../platform/tenancy/tenancy.tables.js';
import { staffPolicy } from './hubs.policies.js';

type Scope = { hub: HubRow; actor: Actor };

export type StaffMember = {
  userId: string;
  name: string;
  email: string;
  roles: HubRole[];
  suspended: boolean;
  lastSignInAt: Date | null;
  twoFactor: boolean;
};

/** Serialises staff changes of one hub, so "the last admin" is judged on settled facts. */
export async function lockStaff(tx: Tx, hubId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`hub-staff:${hubId}`}))`);
}

/** Locks the hub's staff, then re-reads the caller's roles: an admin removed a moment ago no longer acts. */
async function lockedManager(tx: Tx, { hub, actor }: Scope): Promise<Actor> {
  staffPolicy.authorize(actor, 'manage', null);
  await lockStaff(tx, hub.id);
  const now = await loadActor(tx, hub.id, actor.userId);
  staffPolicy.authorize(now, 'manage', null);
  return now;
}

/** Everyone holding a role in the hub, with their roles, last sign-in and suspension, by name; `q` narrows by name or e-mail. */
export async function listStaff(db: Db | Tx, { hub, actor }: Scope, query: StaffListQuery): Promise<CursorPage<StaffMember>> {
  staffPolicy.authorize(actor, 'read', null);
  // The cursor is the last member's (name, user id), each part checked as its column's type.
  const key = readCursorOf(query.next, [users.name, hubRoleGrants.userId]);
  const pattern = query.q ? likePattern(query.q) : null;
  const { rows } = await db.execute<{
    user_id: string;
    name: string;
    email: string;
    roles: string[];
    suspended: boolean;
    last_sign_in_at: string | null;
    two_factor_enabled: boolean;
  }>(sql`
    SELECT g.user_id, u.name, u.email, u.two_factor_enabled, array_agg(g.role ORDER BY g.role) AS roles,
      EXISTS (SELECT 1 FROM hub_suspensions s WHERE s.hub_id = g.hub_id AND s.user_id = g.user_id) AS suspended,
      (SELECT max(x.created_at) FROM sessions x WHERE x.user_id = g.user_id) AS last_sign_in_at
    FROM hub_role_grants g JOIN users u ON u.id = g.user_id
    WHERE g.hub_id = ${hub.id} ${key ? sql`AND (u.name, g.user_id) > (${key[0]}, ${key[1]}::uuid)` : sql``}
      ${pattern ? sql`AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})` : sql``}
    GROUP BY g.hub_id, g.user_id, u.name, u.email, u.two_factor_enabled
    ORDER BY u.name, g.user_id
    LIMIT ${query.limit + 1}`);
  const members = rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    roles: r.roles as HubRole[],
    suspended: r.suspended,
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
    twoFactor: r.two_factor_enabled,
  }));
  return pageOf(members, query.limit, (m) => [m.name, m.userId]);
}

async function rolesOf(tx: Tx, hubId: string, userId: string): Promise<HubRole[]> {
  const rows = await tx
    .select({ role: hubRoleGrants.role })
    .from(hubRoleGrants)
    .where(and(eq(hubRoleGrants.hubId, hubId), eq(hubRoleGrants.userId, userId)));
  return rows.map((r) => r.role as HubRole);
}

/** Admins who can act (not suspended), other than `except`. */
async function otherActiveAdmins(tx: Tx, hubId: string, except: string): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM hub_role_grants g
    WHERE g.hub_id = ${hubId} AND g.role = 'hub_admin' AND g.user_id <> ${except}
      AND NOT EXISTS (SELECT 1 FROM hub_suspensions s WHERE s.hub_id = g.hub_id AND s.user_id = g.user_id)`);
  return rows[0]?.n ?? 0;
}

/** Gives a member of the staff one more role (new people come in by invitation); never a second administrator's duty (SEPARATION_OF_DUTIES). */
export async function grantRole(tx: Tx, { hub, actor }: Scope, userId: string, role: HubRole): Promise<void> {
  actor = await lockedManager(tx, { hub, actor });
  const held = await rolesOf(tx, hub.id, userId);
  if (held.length === 0) throw notFound();
  if (held.includes(role)) throw new AppError('ALREADY_HOLDS_ROLE', [{ path: 'role', code: 'INVALID' }]);
  assertSeparateDuties(held, [role], 'role');
  await tx.insert(hubRoleGrants).values({ hubId: hub.id, userId, role });
  forgetSessions();
  await recordAudit(tx, { hubId: hub.id, actorId: actor.userId, action: 'hub.role_granted', subjectType: 'user', subjectId: userId, payload: { role } });
}

/** Takes a role away; the hub's last active admin keeps theirs (LAST_ADMIN). */
export async function revokeRole(tx: Tx, { hub, actor }: Scope, userId: string, role: HubRole): Promise<void> {
  actor = await lockedManager(tx, { hub, actor });
  const held = await rolesOf(tx, hub.id, userId);
  if (!held.includes(role)) throw notFound();
  if (role === 'hub_admin' && (await otherActiveAdmins(tx, hub.id, userId)) === 0) throw new AppError('LAST_ADMIN');
  await tx.delete(hubRoleGrants).where(and(eq(hubRoleGrants.hubId, hub.id), eq(hubRoleGrants.userId, userId), eq(hubRoleGrants.role, role)));
  if (held.length === 1) await tx.delete(hubSuspensions).where(and(eq(hubSuspensions.hubId, hub.id), eq(hubSuspensions.userId, userId)));
  forgetSessions();
  await recordAudit(tx, { hubId: hub.id, actorId: actor.userId, action: 'hub.role_revoked', subjectType: 'user', subjectId: userId, payload: { role } });
}

/** Suspends (or restores) a staff member's access to the hub; their grants stay. */
export async function setSuspended(tx: Tx, { hub, actor }: Scope, userId: string, suspended: boolean): Promise<void> {
  actor = await lockedManager(tx, { hub, actor });
  const held = await rolesOf(tx, hub.id, userId);
  if (held.length === 0) throw notFound();
  if (suspended) {
    if (held.includes('hub_admin') && (await otherActiveAdmins(tx, hub.id, userId)) === 0) throw new AppError('LAST_ADMIN');
    const added = await tx.insert(hubSuspensions).values({ hubId: hub.id, userId, suspendedBy: actor.userId }).onConflictDoNothing().returning();
    if (!added.length) return;
  } else {
    const removed = await tx
      .delete(hubSuspensions)
      .where(and(eq(hubSuspensions.hubId, hub.id), eq(hubSuspensions.userId, userId)))
      .returning();
    if (!removed.length) return;
  }
  forgetSessions();
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: suspended ? 'staff.suspended' : 'staff.restored',
    subjectType: 'user',
    subjectId: userId,
  });
}

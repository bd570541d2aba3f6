import { sql } from 'drizzle-orm';
import type { HubRole } from '../../../contracts/auth.js';
import type { Db } from '../../db/connection.js';

/** Who a session is, as far as one hub (or no hub) is concerned. */
export type SessionActor = {
  userId: string;
  /** The hub the roles are of; null when the request names no hub. */
  hubId: string | null;
  hubRoles: readonly HubRole[];
  operator: boolean;
  expiresAt: number;
  /** The session's last request (written at most once a minute), ms. */
  lastActiveAt: number;
  /** The hub's idle or absolute session limit has passed: the session ends. */
  timedOut: boolean;
  /** The hub requires a second factor of a role held here, and the account has none yet. */
  mustEnrol: boolean;
};

/**
 * How long this process trusts what it read about a session. Changes made through this
 * process (sign-out, a role granted, revoked or suspended) clear the cache at once (see
 * `forgetSessions`); a change made through another server counts after at most this long.
 */
export const SESSION_CACHE_MS = 3_000;
const MAX_ENTRIES = 20_000;

const entries = new Map<string, { generation: number; at: number; actor: SessionActor | null }>();
let generation = 0;

/**
 * Forgets every session and role this process has read. Called where access changes
 * (inside the transaction that changes it) and again once a write that called it has
 * committed (the request's response hook), so a read racing the commit cannot keep the
 * old roles: an entry read under an older generation is never used nor stored.
 */
export function forgetSessions(): void {
  generation++;
  entries.clear();
}

export function sessionGeneration(): number {
  return generation;
}

/**
 * The session behind `token` with the user's roles in `hubId` and whether they operate the
 * deployment, in one round trip (session, user, grants, suspension, operator), cached per
 * token and hub for SESSION_CACHE_MS. Null for an unknown or expired session.
 */
export async function sessionActor(db: Db, token: string, hubId: string | null): Promise<SessionActor | null> {
  const key = `${hubId ?? '-'} ${token}`;
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < SESSION_CACHE_MS && (!hit.actor || hit.actor.expiresAt > now)) return hit.actor;

  const readUnder = generation;
  const actor = await readSessionActor(db, token, hubId);
  if (readUnder === generation) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { generation: readUnder, at: now, actor });
  }
  return actor;
}

async function readSessionActor(db: Db, token: string, hubId: string | null): Promise<SessionActor | null> {
  // Two statements rather than one with a NULL hub: on Citus, the roles subquery names the
  // hub, so the whole statement goes to that hub's shard (reference tables are on every node).
  const roles = hubId
    ? sql`(SELECT array_agg(g.role ORDER BY g.role) FROM hub_role_grants g
           WHERE g.hub_id = ${hubId} AND g.user_id = s.user_id
             AND NOT EXISTS (SELECT 1 FROM hub_suspensions x WHERE x.hub_id = ${hubId} AND x.user_id = s.user_id))`
    : sql`NULL::text[]`;
  const rules = hubId ? sql`LEFT JOIN hub_security_settings h ON h.hub_id = ${hubId}` : sql`LEFT JOIN hub_security_settings h ON false`;
  const { rows } = await db.execute<{
    user_id: string;
    expires_at: string | Date;
    last_active_at: string | Date;
    roles: string[] | null;
    operator: boolean;
    two_factor_enabled: boolean;
    two_factor_roles: string[] | null;
    timed_out: boolean;
  }>(sql`
    SELECT s.user_id, s.expires_at, s.last_active_at,
           ${roles} AS roles,
           EXISTS (SELECT 1 FROM deployment_operators o WHERE o.user_id = s.user_id) AS operator,
           u.two_factor_enabled, h.two_factor_roles,
           coalesce(s.last_active_at < now() - make_interval(mins => h.idle_minutes)
                    OR s.created_at < now() - make_interval(hours => h.absolute_hours), false) AS timed_out
      FROM sessions s JOIN users u ON u.id = s.user_id ${rules}
     WHERE s.token = ${token} AND s.expires_at > now()`);
  const row = rows[0];
  if (!row) return null;
  const hubRoles = (row.roles ?? []) as HubRole[];
  const required = new Set(row.two_factor_roles ?? []);
  return {
    userId: row.user_id,
    hubId,
    hubRoles,
    operator: row.operator,
    expiresAt: new Date(row.expires_at).getTime(),
    lastActiveAt: new Date(row.last_active_at).getTime(),
    timedOut: row.timed_out,
    mustEnrol: !row.two_factor_enabled && hubRoles.some((role) => required.has(role)),
  };
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Hub } from '../../../contracts/hubs.js';
import type { HubRole } from '../../../contracts/auth.js';
import type { Db, Tx } from '../../db/connection.js';
import { notFound, Refusal } from '../errors.js';
import type { TokenCaller } from '../api-tokens/resolve-token.js';
import type { Actor } from '../policies.js';
import { users } from '../auth/auth.tables.js';
import { deploymentOperators, hubRoleGrants, hubs } from './tenancy.tables.js';

export type HubRow = typeof hubs.$inferSelect;

// Hubs change about never; a short cache spares a query on every request. Several
// processes each hold their own copy, at most CACHE_MS stale.
const CACHE_MS = 30_000;
const cache = new WeakMap<Db, { at: number; bySlug: Map<string, HubRow> }>();

export async function listHubRows(db: Db): Promise<HubRow[]> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < CACHE_MS) return [...cached.bySlug.values()];
  const rows = await db.select().from(hubs).orderBy(hubs.createdAt, hubs.slug);
  cache.set(db, { at: Date.now(), bySlug: new Map(rows.map((r) => [r.slug, r])) });
  return rows;
}

export function forgetHubs(db: Db): void {
  cache.delete(db);
}

/** The hub named in the path, or 404. */
export async function findHub(db: Db, slug: string): Promise<HubRow> {
  let hub = cache.get(db)?.bySlug.get(slug);
  if (!hub) hub = (await listHubRows(db)).find((h) => h.slug === slug);
  if (!hub) throw notFound();
  return hub;
}

/**
 * The signed-in user (or nobody) with the roles they hold in this hub, read on every
 * request (never cached in a session): a grant, a revocation or a suspension counts
 * from the next request. A suspended account acts with no role. One query. A machine
 * client acts with its token's roles, and only in the token's hub: anywhere else is 404.
 */
export async function loadActor(db: Db | Tx, hubId: string, userId: string | null, token: TokenCaller | null = null): Promise<Actor> {
  if (token) {
    if (token.hubId !== hubId) throw new Refusal('NOT_FOUND', 'token_hub');
    return { userId: token.userId, hubRoles: token.roles, token: { id: token.id, subject: token.subject } };
  }
  if (!userId) return { userId: null, hubRoles: [] };
  const { rows } = await db.execute<{ roles: string[] | null; operator: boolean }>(sql`
    SELECT
      (SELECT array_agg(g.role ORDER BY g.role) FROM hub_role_grants g
        WHERE g.hub_id = ${hubId} AND g.user_id = ${userId}
          AND NOT EXISTS (SELECT 1 FROM hub_suspensions s WHERE s.hub_id = g.hub_id AND s.user_id = g.user_id)) AS roles,
      EXISTS (SELECT 1 FROM deployment_operators o WHERE o.user_id = ${userId}) AS operator`);
  const row = rows[0];
  return { userId, hubRoles: (row?.roles ?? []) as HubRole[], operator: row?.operator ?? false };
}

/** Whether the account is a deployment operator. */
export async function isOperator(db: Db | Tx, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [row] = await db.select({ userId: deploymentOperators.userId }).from(deploymentOperators).where(eq(deploymentOperators.userId, userId));
  return Boolean(row);
}

export function presentHub(row: HubRow): Hub {
  return {
    slug: row.slug,
    name: { zh: row.nameZh, en: row.nameEn },
    country: row.country,
    timeZone: row.timeZone,
    currency: row.currency,
    defaultLocale: row.defaultLocale as Hub['defaultLocale'],
    code: row.code,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    workingDays: row.workingDays,
    holidays: row.holidays,
    makeUpWorkdays: row.makeUpWorkdays,
    techShareDefaultBasisPoints: row.techShareDefaultBp,
    openDataPrefix: row.openDataPrefix,
    districts: row.districts,
    archived: row.archivedAt !== null,
  };
}

/** The accounts holding a role in a hub, with their display names (e.g. the reviewer pool). */
export async function usersWithRole(db: Db | Tx, hubId: string, role: HubRole): Promise<{ userId: string; name: string }[]> {
  return db
    .select({ userId: hubRoleGrants.userId, name: users.name })
    .from(hubRoleGrants)
    .innerJoin(users, eq(users.id, hubRoleGrants.userId))
    .where(and(eq(hubRoleGrants.hubId, hubId), eq(hubRoleGrants.role, role)))
    .orderBy(hubRoleGrants.userId);
}

/** Display names of accounts. */
export async function userNames(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

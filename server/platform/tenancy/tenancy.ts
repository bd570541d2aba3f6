import { and, eq, inArray } from 'drizzle-orm';
import type { Hub } from '../../../contracts/hubs.js';
import type { HubRole } from '../../../contracts/auth.js';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../errors.js';
import type { Actor } from '../policies.js';
import { users } from '../auth/auth.tables.js';
import { hubRoleGrants, hubs } from './tenancy.tables.js';

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

/** The signed-in user (or nobody) with the roles they hold in this hub. */
export async function loadActor(db: Db, hubId: string, userId: string | null): Promise<Actor> {
  if (!userId) return { userId: null, hubRoles: [] };
  const rows = await db
    .select({ role: hubRoleGrants.role })
    .from(hubRoleGrants)
    .where(and(eq(hubRoleGrants.hubId, hubId), eq(hubRoleGrants.userId, userId)));
  return { userId, hubRoles: rows.map((r) => r.role as HubRole) };
}

export function presentHub(row: HubRow): Hub {
  return {
    slug: row.slug,
    name: { zh: row.nameZh, en: row.nameEn },
    country: row.country,
    timeZone: row.timeZone,
    currency: row.currency,
    defaultLocale: row.defaultLocale as Hub['defaultLocale'],
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

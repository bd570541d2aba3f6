import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { applicantIdsOfUser, companyStanding, type CompanyStanding } from '../ecosystem/index.js';
import { spaceNodes, spaceParkOperators } from './spaces.tables.js';

export type Scope = { hub: HubRow; actor: Actor };
export type NodeRow = typeof spaceNodes.$inferSelect;

/** Parks the caller operates (empty for everyone but space managers). */
export async function operatedParkIds(db: Db | Tx, scope: Scope): Promise<Set<string>> {
  if (!scope.actor.userId || !scope.actor.hubRoles.includes('space_manager')) return new Set();
  const rows = await db
    .select({ id: spaceParkOperators.parkId })
    .from(spaceParkOperators)
    .where(and(eq(spaceParkOperators.hubId, scope.hub.id), eq(spaceParkOperators.userId, scope.actor.userId)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The caller's standing in the organisation (in this hub), the shared rule: every member
 * reads its space; only an owner or "can apply" colleague acts for it.
 */
export function standingIn(db: Db | Tx, scope: Scope, organizationId: string): Promise<CompanyStanding> {
  return companyStanding(db, scope.hub.id, organizationId, scope.actor.userId);
}

/**
 * The park must be one of the hub's parks: another hub's park, a building or unit, or no
 * node at all answers 404 at `path`.
 */
export async function requirePark(db: Db | Tx, hubId: string, parkId: string, path = 'parkId'): Promise<void> {
  const [park] = await db
    .select({ id: spaceNodes.id })
    .from(spaceNodes)
    .where(and(eq(spaceNodes.hubId, hubId), eq(spaceNodes.id, parkId), eq(spaceNodes.kind, 'park')));
  if (!park) throw new AppError('NOT_FOUND', [{ path, code: 'NOT_IN_HUB' }]);
}

/** Nodes of the hub by id, in the order asked; missing ones are absent. */
export async function findNodes(db: Db | Tx, hubId: string, ids: readonly string[]): Promise<NodeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(spaceNodes)
    .where(and(eq(spaceNodes.hubId, hubId), sql`${spaceNodes.id} = ANY(${sql.param([...ids])}::uuid[])`));
}

/** Hundredths of a m² (exact arithmetic on numeric(12,2)). */
export const centiOf = (area: string | number | null) => BigInt(Math.round(Number(area ?? 0) * 100));

/** Organisations the caller is a member of in this hub. */
export async function memberOrganizations(db: Db | Tx, scope: Scope): Promise<string[]> {
  if (!scope.actor.userId) return [];
  return (await applicantIdsOfUser(db, scope.hub.id, scope.actor.userId)).organizationIds;
}

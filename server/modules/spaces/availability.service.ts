import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { AppError, notFound } from '../../platform/errors.js';
import { operatedParkIds, requirePark, type Scope } from './space-scope.js';
import { spaceNodes } from './spaces.tables.js';
import { withTotals, type TreeNode } from './tree.service.js';

export type AvailabilityQuery = {
  from: string;
  to: string;
  parkId?: string | undefined;
  minAreaM2?: number | undefined;
  seats?: number | undefined;
  feature?: string | string[] | undefined;
};

/**
 * Units free for all of [from, to): no active whole claim on the unit or any node above
 * it overlaps those days. Space managers search the parks they operate; hub admins and
 * companies (anyone else signed in) every park.
 */
export async function searchSpaceAvailability(db: Db | Tx, scope: Scope, q: AvailabilityQuery): Promise<TreeNode[]> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const admin = scope.actor.hubRoles.includes('hub_admin');
  const operated = await operatedParkIds(db, scope);
  // Companies (anyone signed in: the tree is readable) look for free units in every park.
  const everyPark = admin || operated.size === 0;
  if (q.parkId && !everyPark && !operated.has(q.parkId)) throw notFound();
  if (q.parkId) await requirePark(db, scope.hub.id, q.parkId);
  const parks = q.parkId ? [q.parkId] : everyPark ? null : [...operated];
  const features = q.feature === undefined ? [] : Array.isArray(q.feature) ? q.feature : [q.feature];
  // The nodes taken whole on any of those days, found once through the days index; then a
  // hashed anti-join per level: a unit is free when neither it, its floor nor its building
  // is among them (a park is never taken whole, so the path is at most three deep).
  const { rows: free } = await db.execute<{ id: string }>(sql`
    WITH taken AS MATERIALIZED (
      SELECT DISTINCT c.node_id FROM space_claims c
      WHERE c.hub_id = ${scope.hub.id} AND c.active AND c.whole AND daterange(c.starts_on, c.ends_on) && daterange(${q.from}::date, ${q.to}::date)
    )
    SELECT u.id FROM space_nodes u
    WHERE u.hub_id = ${scope.hub.id} AND u.kind = 'unit'
      ${parks ? sql`AND u.park_id = ANY(${sql.param(parks)}::uuid[])` : sql``}
      ${q.minAreaM2 !== undefined ? sql`AND u.area_m2 >= ${q.minAreaM2.toFixed(2)}::numeric` : sql``}
      ${q.seats !== undefined ? sql`AND u.seats >= ${q.seats}` : sql``}
      ${features.length ? sql`AND u.features @> ${sql.param(features)}::text[]` : sql``}
      AND NOT EXISTS (SELECT 1 FROM taken t WHERE t.node_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM taken t WHERE t.node_id = u.ancestors[2])
      AND NOT EXISTS (SELECT 1 FROM taken t WHERE t.node_id = u.ancestors[3])
    ORDER BY u.park_id, u.code
    LIMIT 500`);
  if (free.length === 0) return [];
  const rows = await db
    .select()
    .from(spaceNodes)
    .where(and(eq(spaceNodes.hubId, scope.hub.id), sql`${spaceNodes.id} = ANY(${sql.param(free.map((f) => f.id))}::uuid[])`))
    .orderBy(asc(spaceNodes.parkId), asc(spaceNodes.code));
  return withTotals(rows, operated, scope);
}

import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

export type SpaceMonth = { month: string; leasedM2: number; heldM2: number; heldVacantCost: bigint };

/**
 * Per month [from, to) (first days of months): office m² leased and m² held (kept vacant
 * for a firm), each averaged over the month's days, and what the held space would have let
 * for at its list rent (fen, the cost of keeping it vacant; numeric read as text, so a rent
 * from before the contract's cap cannot pass a bigint). From the dated claims a lease
 * or hold leaves (a released hold's days before release stay claimed). One query.
 */
export async function spaceAreaTrend(db: Db | Tx, hubId: string, from: string, to: string): Promise<SpaceMonth[]> {
  const { rows } = await db.execute<{ month: string; leased: number; held: number; cost: string }>(sql`
    WITH months AS (
      SELECT m::date AS m, (m + interval '1 month')::date AS e FROM generate_series(${from}::date, ${to}::date - 1, interval '1 month') m
    ), claims AS (
      SELECT c.holder_kind, c.starts_on, c.ends_on, sum(u.area_m2) AS area, sum(u.area_m2 * u.list_rent) AS rent
      FROM space_claims c JOIN space_nodes u ON u.hub_id = c.hub_id AND u.kind = 'unit' AND (u.id = c.node_id OR c.node_id = ANY(u.ancestors))
      WHERE c.hub_id = ${hubId} AND c.active AND c.whole AND c.starts_on < ${to}::date AND c.ends_on > ${from}::date
      GROUP BY c.id, c.holder_kind, c.starts_on, c.ends_on
    ), per_month AS (
      SELECT mo.m, c.holder_kind, c.area, c.rent, (least(c.ends_on, mo.e) - greatest(c.starts_on, mo.m))::numeric / (mo.e - mo.m) AS share
      FROM months mo JOIN claims c ON c.starts_on < mo.e AND c.ends_on > mo.m
    )
    SELECT to_char(mo.m, 'YYYY-MM') AS month,
      coalesce(sum(p.area * p.share) FILTER (WHERE p.holder_kind = 'lease'), 0)::float8 AS leased,
      coalesce(sum(p.area * p.share) FILTER (WHERE p.holder_kind = 'hold'), 0)::float8 AS held,
      coalesce(floor(sum(p.rent * p.share) FILTER (WHERE p.holder_kind = 'hold')), 0)::text AS cost
    FROM months mo LEFT JOIN per_month p ON p.m = mo.m GROUP BY mo.m ORDER BY mo.m`);
  return rows.map((r) => ({
    month: r.month,
    leasedM2: Math.round(r.leased * 100) / 100,
    heldM2: Math.round(r.held * 100) / 100,
    heldVacantCost: BigInt(r.cost),
  }));
}

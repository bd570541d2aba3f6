import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

/** The hub's office units on one day: their area, and how much of it is leased or held (the hub dashboard). */
export async function spaceAreaSummary(db: Db | Tx, hubId: string, on: string): Promise<{ totalM2: number; leasedM2: number; heldM2: number }> {
  const { rows } = await db.execute<{ total: number; leased: number; held: number }>(sql`
    WITH state AS (
      SELECT u.area_m2,
        (SELECT c.holder_kind FROM space_claims c
         WHERE c.hub_id = ${hubId} AND c.active AND c.whole AND (c.node_id = u.id OR c.node_id = ANY(u.ancestors))
           AND c.starts_on <= ${on}::date AND ${on}::date < c.ends_on LIMIT 1) AS kind
      FROM space_nodes u WHERE u.hub_id = ${hubId} AND u.kind = 'unit'
    )
    SELECT coalesce(sum(area_m2), 0)::float8 AS total,
      coalesce(sum(area_m2) FILTER (WHERE kind = 'lease'), 0)::float8 AS leased,
      coalesce(sum(area_m2) FILTER (WHERE kind = 'hold'), 0)::float8 AS held
    FROM state`);
  const row = rows[0]!;
  return { totalM2: row.total, leasedM2: row.leased, heldM2: row.held };
}

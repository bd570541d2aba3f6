import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

export type RelatedTie = { via: 'organization' | 'person'; relation: string; id: string };

/**
 * Whether a buyer and a supplier are related parties in the graph, counting ties live
 * on `on`: one invested in the other, or one person founded, works at or invested in
 * both. Compute vouchers refuse such pairs (Yangzhou's redemption rule). One query.
 */
export async function relatedParties(db: Db | Tx, hubId: string, a: string, b: string, on: string): Promise<RelatedTie[]> {
  const { rows } = await db.execute<RelatedTie>(sql`
    WITH live AS (
      SELECT * FROM relations WHERE hub_id = ${hubId} AND to_organization_id IN (${a}::uuid, ${b}::uuid)
        AND kind IN ('founded','works_at','invested_in') AND (starts_on IS NULL OR starts_on <= ${on}::date) AND (ends_on IS NULL OR ends_on >= ${on}::date)
    )
    SELECT 'organization' AS via, kind AS relation, from_organization_id::text AS id FROM live
      WHERE kind = 'invested_in' AND ((from_organization_id = ${a}::uuid AND to_organization_id = ${b}::uuid) OR (from_organization_id = ${b}::uuid AND to_organization_id = ${a}::uuid))
    UNION ALL
    SELECT DISTINCT 'person', x.kind || '+' || y.kind, x.from_person_id::text FROM live x JOIN live y ON y.from_person_id = x.from_person_id
      WHERE x.to_organization_id = ${a}::uuid AND y.to_organization_id = ${b}::uuid`);
  return rows;
}

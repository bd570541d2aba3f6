import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

/**
 * Per month of one fiscal year (the hub's time zone): what was committed to awards and
 * what was paid out of those commitments, from the ledger. Months without a movement are left out.
 */
export async function monthlyFlows(db: Db | Tx, hubId: string, year: number, timeZone: string): Promise<{ month: string; committed: bigint; paid: bigint }[]> {
  const { rows } = await db.execute<{ month: string; committed: string; paid: string }>(sql`
    SELECT month, sum(committed)::text AS committed, sum(paid)::text AS paid FROM (
      SELECT to_char(c.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month, c.amount AS committed, 0::bigint AS paid
      FROM commitments c JOIN fiscal_years f ON f.hub_id = c.hub_id AND f.id = c.fiscal_year_id WHERE c.hub_id = ${hubId} AND f.year = ${year}
      UNION ALL
      SELECT to_char(t.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM'), 0::bigint, t.amount
      FROM ledger_transfers t JOIN commitments c ON c.hub_id = t.hub_id AND c.id = t.pending_id
        JOIN fiscal_years f ON f.hub_id = c.hub_id AND f.id = c.fiscal_year_id
      WHERE t.hub_id = ${hubId} AND t.kind = 'post_pending' AND f.year = ${year}
    ) flows GROUP BY month ORDER BY month`);
  return rows.map((r) => ({ month: r.month, committed: BigInt(r.committed), paid: BigInt(r.paid) }));
}

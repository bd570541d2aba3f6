import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { awardTranches } from './awards.tables.js';

/**
 * Whether an award has paid its last tranche, and when (what obligations that run "from
 * the last payment" start on). An award without recorded tranches was paid whole with
 * its commitment.
 */
export async function awardPaymentState(
  db: Db | Tx,
  hubId: string,
  applicationId: string,
): Promise<{ settled: boolean; lastPaidAt: Date | null; recorded: boolean }> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) FILTER (WHERE ${awardTranches.status} = 'waiting')::int`,
      total: sql<number>`count(*)::int`,
      last: sql<Date | null>`max(${awardTranches.paidAt})`,
    })
    .from(awardTranches)
    .where(and(eq(awardTranches.hubId, hubId), eq(awardTranches.applicationId, applicationId)));
  return { settled: row!.waiting === 0, lastPaidAt: row!.last ? new Date(row!.last) : null, recorded: row!.total > 0 };
}

import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { FactMetric } from '../../../contracts/facts.js';
import type { Db, Tx } from '../../db/connection.js';
import { organizationFacts } from './facts.tables.js';

export type DatedFact = { organizationId: string; metric: FactMetric; asOf: string; amountMinor: bigint | null; quantity: string | null };

/** Every dated fact of these organisations for these metrics, money in yuan only: their history, for outcome studies. */
export async function datedFacts(db: Db | Tx, hubId: string, organizationIds: string[], metrics: FactMetric[]): Promise<DatedFact[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .select({
      organizationId: organizationFacts.organizationId,
      metric: organizationFacts.metric,
      asOf: organizationFacts.asOf,
      amountMinor: organizationFacts.amountMinor,
      quantity: organizationFacts.quantity,
    })
    .from(organizationFacts)
    .where(
      and(
        eq(organizationFacts.hubId, hubId),
        inArray(organizationFacts.organizationId, organizationIds),
        inArray(organizationFacts.metric, metrics),
        or(isNull(organizationFacts.currency), eq(organizationFacts.currency, 'CNY')),
      ),
    );
  return rows.map((r) => ({ ...r, metric: r.metric as FactMetric }));
}

import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { FactMetric } from '../../../contracts/facts.js';
import type { Db, Tx } from '../../db/connection.js';
import { organizationFacts } from './facts.tables.js';
import { organizations } from './organizations.tables.js';

/** The latest fact per metric of an organisation as of a day (what monitoring checks). */
export type LatestFact = {
  id: string;
  metric: FactMetric;
  asOf: string;
  quantity: string | null;
  amountMinor: bigint | null;
  sourceUrl: string | null;
  sourceNote: string | null;
};

export async function latestFacts(
  db: Db | Tx,
  hubId: string,
  organizationId: string,
  metrics: FactMetric[],
  asOf: string,
): Promise<Map<FactMetric, LatestFact>> {
  const rows = await db
    .selectDistinctOn([organizationFacts.metric])
    .from(organizationFacts)
    .where(
      and(
        eq(organizationFacts.hubId, hubId),
        eq(organizationFacts.organizationId, organizationId),
        inArray(organizationFacts.metric, metrics),
        lte(organizationFacts.asOf, asOf),
      ),
    )
    .orderBy(organizationFacts.metric, desc(organizationFacts.asOf), desc(organizationFacts.createdAt), desc(organizationFacts.id));
  return new Map(
    rows.map((r) => [
      r.metric as FactMetric,
      {
        id: r.id,
        metric: r.metric as FactMetric,
        asOf: r.asOf,
        quantity: r.quantity,
        amountMinor: r.amountMinor,
        sourceUrl: r.sourceUrl,
        sourceNote: r.sourceNote,
      },
    ]),
  );
}

/** An organisation of the hub by its USCC (e.g. a supplier named in a form), or null. */
export async function organizationIdByUscc(db: Db | Tx, hubId: string, uscc: string): Promise<string | null> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), eq(organizations.uscc, uscc.replace(/\s+/g, '').toUpperCase())));
  return row?.id ?? null;
}

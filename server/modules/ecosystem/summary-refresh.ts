import type { Db, Tx } from '../../db/connection.js';
import { computeComparisonSummary } from './compare.service.js';
import { computePipelineSummary } from './pipeline-summary.js';
import { hubsWithStale, storeFresh, type SummaryKind } from './summaries.js';

const computers: Record<SummaryKind, (tx: Db | Tx, hubId: string) => Promise<unknown>> = {
  talent_pipeline: computePipelineSummary,
  hub_comparison: computeComparisonSummary,
};

/**
 * Keeps the stored summaries up to date: every hub whose talent pipeline or comparison is
 * behind its ecosystem counter gets it recomputed and stored, so the read after a write
 * finds it ready instead of paying the recomputation (the read still recomputes when it
 * comes first: what is served is never behind a committed write). Returns how many were stored.
 */
export async function refreshStaleSummaries(db: Db): Promise<number> {
  let stored = 0;
  for (const kind of Object.keys(computers) as SummaryKind[])
    for (const hubId of await hubsWithStale(db, kind)) {
      await storeFresh(db, hubId, kind, (tx) => computers[kind](tx, hubId));
      stored++;
    }
  return stored;
}

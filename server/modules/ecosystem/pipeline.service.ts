import type { TalentPipeline } from '../../../contracts/ecosystem-insights.js';
import type { Db, Tx } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { requireOrganization } from './organizations.service.js';
import { computePipelineSummary, fromView, pipelineView, type PipelineViewRow } from './pipeline-summary.js';
import { summary } from './summaries.js';

/**
 * The talent pipeline: for each university, its alumni, the founders among them, what
 * they founded, where alumni work (when one university is asked for), and its share of
 * all the hub's founders. Everything, names included, comes from the hub's stored summary
 * (`summaries.ts`: exact as of the latest write, else recomputed from relations); a
 * request reads only the first 20 universities, or the one asked for with its employers.
 * Founders are public; nothing else about a person is returned. A university of another
 * hub, or none, is 404.
 */
export async function getTalentPipeline(db: Db | Tx, hub: HubRow, universityId?: string): Promise<TalentPipeline> {
  if (universityId) await requireOrganization(db, hub.id, universityId, 'university');
  const figures = fromView(
    await summary<PipelineViewRow>(db, hub.id, 'talent_pipeline', (tx) => computePipelineSummary(tx, hub.id), pipelineView(universityId)),
  );
  return {
    hub: hub.slug,
    founders: figures.founders,
    dragons: figures.dragons,
    universities: figures.universities.map((u) => ({
      ...u,
      employers: figures.employers ?? [],
      founderShare: figures.founders ? u.founders / figures.founders : 0,
    })),
  };
}

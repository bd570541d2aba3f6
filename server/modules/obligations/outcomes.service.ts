import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { OutcomeFigures } from '../../../contracts/obligations.js';
import {
  NARROW_MISS_MAX_RELATIVE,
  OUTCOME_MIN_GROUP,
  outcomeHorizons,
  outcomeMetrics,
  type OutcomeMetric,
  type ProgramOutcomes,
} from '../../../contracts/outcomes.js';
import type { Db } from '../../db/connection.js';
import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';
import { datedFacts } from '../ecosystem/index.js';
import { outcomeApplicants, type OutcomeSide, type Scope } from '../programs/index.js';
import { obligationReports } from './obligations.tables.js';
import { estimate, type Firm, type Observation } from './outcomes.js';
import { localToday } from '../../platform/hub-time.js';

/** Hub staff read outcome studies (aggregates only; a group too small is withheld). */
export const outcomePolicy = definePolicy<Record<string, never>>([allow(HUB_STAFF, 'read')]);

const FACT_METRIC: Record<OutcomeMetric, 'headcount' | 'revenue' | 'funding_raised'> = {
  headcount: 'headcount',
  revenue: 'revenue',
  fundingRaised: 'funding_raised',
};

/** An organisation that applied more than once stands on its strongest side. */
const RANK: Record<OutcomeSide, number> = { funded: 2, rejectedAtReview: 1, narrowMiss: 0 };

/**
 * A program's funded organisations against those it turned down (rejected at review, or
 * refused by the rules as a narrow miss), on the dated figures of
 * their own history (ecosystem facts) and, for awardees, their outcome reports (dated by
 * the day each report was due): difference in differences per metric at 12, 24 and 36 months.
 */
export async function getProgramOutcomes(db: Db, { hub, actor }: Scope, programId: string): Promise<ProgramOutcomes> {
  outcomePolicy.authorize(actor, 'read', {});
  const applicants = await outcomeApplicants(db, hub.id, programId, NARROW_MISS_MAX_RELATIVE);
  const firms = new Map<string, Firm & { side: OutcomeSide }>();
  for (const a of applicants) {
    const anchor = localToday(hub.timeZone, a.appliedAt);
    // One firm, one side: funded wins over a rejection, a rejection over a narrow miss; that application anchors it.
    const known = firms.get(a.organizationId);
    if (!known || RANK[a.side] > RANK[known.side]) firms.set(a.organizationId, { anchor, series: {}, side: a.side });
  }
  const push = (orgId: string, metric: OutcomeMetric, o: Observation) => {
    const firm = firms.get(orgId);
    if (firm) (firm.series[metric] ??= []).push(o);
  };
  for (const f of await datedFacts(db, hub.id, [...firms.keys()], Object.values(FACT_METRIC))) {
    const metric = outcomeMetrics.find((m) => FACT_METRIC[m] === f.metric)!;
    const value = f.amountMinor !== null ? Number(f.amountMinor) : Number(f.quantity);
    push(f.organizationId, metric, { on: f.asOf, value });
  }
  const funded = applicants.filter((a) => a.side === 'funded');
  const byApplication = new Map(funded.map((a) => [a.applicationId, a.organizationId]));
  if (funded.length) {
    const reports = await db
      .select({ applicationId: obligationReports.applicationId, dueOn: obligationReports.dueOn, figures: obligationReports.figures })
      .from(obligationReports)
      .where(
        and(
          eq(obligationReports.hubId, hub.id),
          inArray(
            obligationReports.applicationId,
            funded.map((a) => a.applicationId),
          ),
          isNotNull(obligationReports.submittedAt),
        ),
      );
    for (const r of reports) {
      const figures = (r.figures ?? {}) as OutcomeFigures;
      const org = byApplication.get(r.applicationId)!;
      if (figures.headcount !== undefined) push(org, 'headcount', { on: r.dueOn, value: figures.headcount });
      if (figures.revenue !== undefined) push(org, 'revenue', { on: r.dueOn, value: Number(figures.revenue) });
      if (figures.fundingRaised !== undefined) push(org, 'fundingRaised', { on: r.dueOn, value: Number(figures.fundingRaised) });
    }
  }
  const all = [...firms.values()];
  const awardees = all.filter((f) => f.side === 'funded');
  const comparisons = all.filter((f) => f.side !== 'funded');
  return {
    program: programId,
    awardees: awardees.length,
    comparisons: comparisons.length,
    comparisonGroups: {
      rejectedAtReview: comparisons.filter((f) => f.side === 'rejectedAtReview').length,
      narrowMisses: comparisons.filter((f) => f.side === 'narrowMiss').length,
    },
    narrowMissMaxRelative: NARROW_MISS_MAX_RELATIVE,
    minimumGroup: OUTCOME_MIN_GROUP,
    estimates: outcomeMetrics.flatMap((m) => outcomeHorizons.map((h) => estimate(m, h, awardees, comparisons))),
  };
}

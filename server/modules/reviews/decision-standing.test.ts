import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('a decision keeps the score and rank it was taken at', () => {
  it('the rejected application keeps its score and its rank among the program’s reviewed applications', async () => {
    const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 } });
    // A second startup applies to the same program.
    const founder = await createTestUser(ctx);
    const org = (
      await ctx.app.inject(
        as(founder, { method: 'POST', url: `/api/hubs/${w.hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
      )
    ).json() as { id: string };
    const second = (
      await ctx.app.inject(
        as(founder, {
          method: 'POST',
          url: `/api/hubs/${w.hub.slug}/programs/${w.program.id}/applications`,
          payload: { organizationId: org.id, answers: { plan: 'Warehouse robots' } },
        }),
      )
    ).json() as { id: string };

    const review = async (applicationId: string, scores: Record<string, number>) => {
      const board = (await w.call(w.officer, 'POST', `/applications/${applicationId}/reviewers`)).json();
      const seat = board.assignments.find((a: { status: string }) => a.status === 'assigned');
      const reviewer = w.reviewers.find((u) => u.id === seat.reviewerId)!;
      const res = await w.call(reviewer, 'POST', `/applications/${applicationId}/reviews`, { scores, recommendation: 'approve' });
      expect(res.statusCode, res.body).toBe(200);
    };
    await review(w.application.id, { innovation: 5, team: 4 });
    await review(second.id, { innovation: 2, team: 3 });

    const rejected = await w.call(w.officer, 'POST', `/applications/${second.id}/decision`, { outcome: 'reject', reason: 'weaker plan' });
    expect(rejected.json().status, rejected.body).toBe('rejected');
    const approved = await w.call(w.officer, 'POST', `/applications/${w.application.id}/decision`, { outcome: 'approve', reason: 'strong' });
    expect(approved.statusCode, approved.body).toBe(200);

    const { rows } = await ctx.database.db.execute<{
      application_id: string;
      outcome: string;
      score_basis_points: number;
      rank: number;
      ranked_among: number;
    }>(sql`
      SELECT d.application_id, d.outcome, d.score_basis_points, d.rank, d.ranked_among FROM application_decisions d
      WHERE d.hub_id = ${w.hub.id} ORDER BY d.created_at`);
    const totals = await ctx.database.db.execute<{ application_id: string; total_basis_points: number }>(sql`
      SELECT application_id, total_basis_points FROM review_assignments WHERE hub_id = ${w.hub.id} AND status = 'submitted'`);
    const scoreOf = (id: string) => totals.rows.find((r) => r.application_id === id)!.total_basis_points;
    expect(scoreOf(w.application.id)).toBeGreaterThan(scoreOf(second.id));
    expect(rows).toEqual([
      { application_id: second.id, outcome: 'reject', score_basis_points: scoreOf(second.id), rank: 2, ranked_among: 2 },
      { application_id: w.application.id, outcome: 'approve', score_basis_points: scoreOf(w.application.id), rank: 1, ranked_among: 2 },
    ]);
  });
});

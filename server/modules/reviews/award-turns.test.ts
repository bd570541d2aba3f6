import { beforeAll, describe, expect, it } from 'vitest';
import { rdGrantDraft, reviewedWorld } from '../../test/review-factories.js';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * Two officers approving two applications of one startup at the same moment, under a yearly
 * cap of one and a half awards: each approval takes the award's turn before it is priced
 * (takeAwardTurn, migrations/0047), so the second is priced on the first and gets the rest of
 * the cap. Without the turn both were priced on an empty history and paid in full.
 */
describe('reviewed approvals of one applicant at once', () => {
  it('are priced one after the other: together they pay the cap, never more', async () => {
    const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 } });
    const draft = rdGrantDraft({ twoPersonThreshold: null, reviewersPerApplication: 1 }, '100000000');
    draft.onePerApplicant = false;
    draft.rules.benefit = { ...draft.rules.benefit, caps: { perApplicantPerYear: '150000000' }, stacking: null } as typeof draft.rules.benefit;
    const program = (await w.call(w.officer, 'POST', '/programs', draft)).json() as { id: string };
    expect((await w.call(w.officer, 'POST', `/programs/${program.id}/publish`)).statusCode).toBe(200);

    const reviewed = async (plan: string) => {
      const applied = await w.call(w.founder, 'POST', `/programs/${program.id}/applications`, { organizationId: w.org.id, answers: { plan } });
      expect(applied.statusCode).toBe(201);
      const id = (applied.json() as { id: string }).id;
      const board = (await w.call(w.officer, 'POST', `/applications/${id}/reviewers`)).json() as { assignments: { status: string; reviewerId: string }[] };
      const reviewerId = board.assignments.find((a) => a.status === 'assigned')!.reviewerId;
      const reviewer = w.reviewers.find((u) => u.id === reviewerId)!;
      expect(
        (await w.call(reviewer, 'POST', `/applications/${id}/reviews`, { scores: { innovation: 5, team: 5 }, recommendation: 'approve' })).statusCode,
      ).toBe(200);
      return id;
    };
    const first = await reviewed('Robots for warehouses');
    const second = await reviewed('Robots for ports');

    const decide = (officer: TestUser, id: string) => w.call(officer, 'POST', `/applications/${id}/decision`, { outcome: 'approve', reason: 'strong plan' });
    const answers = await Promise.all([decide(w.officer, first), decide(w.officer2, second)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const amounts = answers.map((a) => BigInt((a.json() as { amount: string }).amount));
    expect(amounts.sort((a, b) => Number(a - b))).toEqual([50_000_000n, 100_000_000n]);
  });
});

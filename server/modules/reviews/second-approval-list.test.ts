import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Listed = { id: string; status: string; awaitingSecondApproval: boolean };

/** The application as each list shows it: the hub's (an officer), the program's, and the applicant's own. */
async function listed(w: ReviewedWorld, user: TestUser, query = ''): Promise<Listed> {
  const res = await w.call(user, 'GET', `/applications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const item = (res.json().items as Listed[]).find((a) => a.id === w.application.id);
  expect(item).toBeDefined();
  return { id: item!.id, status: item!.status, awaitingSecondApproval: item!.awaitingSecondApproval };
}

async function everyList(w: ReviewedWorld): Promise<Listed[]> {
  return [await listed(w, w.officer), await listed(w, w.officer2, `?program=${w.program.id}`), await listed(w, w.founder)];
}

/** Reviewers score, and the first officer approves above the two-person threshold. */
async function firstApproval(w: ReviewedWorld) {
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const assigned = new Set(board.assignments.filter((a: { status: string }) => a.status === 'assigned').map((a: { reviewerId: string }) => a.reviewerId));
  for (const r of w.reviewers.filter((u) => assigned.has(u.id))) {
    const res = await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 4, team: 5 }, recommendation: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await everyList(w)).every((a) => a.status === 'in_review' && !a.awaitingSecondApproval)).toBe(true);
  const first = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'Strong plan' });
  expect(first.statusCode, first.body).toBe(200);
}

describe('lists say which approvals wait for a second officer', () => {
  it('one approval above the threshold: every list says awaiting, as the review board does; after the second approval none does', async () => {
    const w = await reviewedWorld(ctx);
    await firstApproval(w);
    const awaiting = { id: w.application.id, status: 'approved', awaitingSecondApproval: true };
    expect(await everyList(w)).toEqual([awaiting, awaiting, awaiting]);
    // The same rule as the board's.
    expect((await w.call(w.officer2, 'GET', w.at('/reviews'))).json().secondApprovalRequired).toBe(true);

    const second = await w.call(w.officer2, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'Agreed' });
    expect(second.statusCode, second.body).toBe(200);
    for (const item of await everyList(w)) {
      expect(item.awaitingSecondApproval).toBe(false);
      expect(item.status).not.toBe('approved');
    }
    expect((await w.call(w.officer2, 'GET', w.at('/reviews'))).json().secondApprovalRequired).toBe(false);
  });

  it('a second officer refusing ends the wait too', async () => {
    const w = await reviewedWorld(ctx);
    await firstApproval(w);
    expect((await listed(w, w.officer)).awaitingSecondApproval).toBe(true);
    const refused = await w.call(w.officer2, 'POST', w.at('/decision'), { outcome: 'reject', reason: 'Budget is better spent elsewhere' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await everyList(w)).toEqual(Array(3).fill({ id: w.application.id, status: 'rejected', awaitingSecondApproval: false }));
  });

  it('at or below the threshold an approval awards at once and never waits', async () => {
    const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null } });
    await firstApproval(w);
    for (const item of await everyList(w)) {
      expect(item.awaitingSecondApproval).toBe(false);
      expect(item.status).not.toBe('approved');
    }
  });
});

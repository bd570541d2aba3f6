import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationAction } from '../../../contracts/allowed-actions.js';
import { createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const reason = { reason: 'Because' };
/** Each write as the route that does it (readReviewers is a read: proven against the review board below). */
type Write = Exclude<ApplicationAction, 'readReviewers'>;
const attempt: Record<Write, [InjectOptions['method'], string, object?]> = {
  withdraw: ['POST', '/withdraw', reason],
  appeal: ['POST', '/appeal', reason],
  resubmit: ['POST', '/resubmit', { answers: { plan: 'A better plan' }, reason: 'Changed' }],
  screen: ['POST', '/screen'],
  assignReviewers: ['POST', '/reviewers'],
  decide: ['POST', '/decision', { outcome: 'reject', reason: 'Not this year' }],
};

const flagsOf = async (w: ReviewedWorld, user: TestUser) => {
  const res = await w.call(user, 'GET', w.at(''));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().allowedActions as ApplicationAction[];
};
const tryAction = (w: ReviewedWorld, user: TestUser, action: Write) => {
  const [method, path, body] = attempt[action];
  return w.call(user, method, w.at(path), body);
};

describe('an application’s allowedActions', () => {
  it('follow the policies and the workflow, stage by stage: listed actions succeed, the rest are refused', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1, twoPersonThreshold: null } });
    const refusedAll = async (user: TestUser, except: readonly Write[]) => {
      for (const action of Object.keys(attempt) as Write[]) {
        if (except.includes(action)) continue;
        const res = await tryAction(w, user, action);
        expect(res.statusCode, `${action}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${action}: ${res.body}`).toBeLessThan(500);
      }
    };

    // Submitted: the applicant may withdraw; an officer may screen or assign; finance nothing.
    expect(await flagsOf(w, w.founder)).toEqual(['withdraw']);
    expect(await flagsOf(w, w.officer)).toEqual(['screen', 'assignReviewers', 'readReviewers']);
    expect(await flagsOf(w, w.finance)).toEqual([]);
    await refusedAll(w.founder, ['withdraw']);
    await refusedAll(w.finance, []);
    for (const action of ['screen', 'assignReviewers'] as const) {
      for (const user of [w.founder, w.finance]) expect([403, 404]).toContain((await tryAction(w, user, action)).statusCode);
    }

    // Assigned: in review, but the officer may not decide until the reviewer has scored.
    const assigned = await tryAction(w, w.officer, 'assignReviewers');
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await flagsOf(w, w.officer)).toEqual(['readReviewers']);
    expect((await tryAction(w, w.officer, 'decide')).json().error.code).toBe('REVIEWS_PENDING');
    const reviewerId = assigned.json().assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId as string;
    const reviewer = w.reviewers.find((r) => r.id === reviewerId)!;
    const scored = await w.call(reviewer, 'POST', w.at('/reviews'), { scores: { innovation: 4, team: 4 }, recommendation: 'approve' });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(await flagsOf(w, w.officer)).toEqual(['readReviewers', 'decide']);
    expect(await flagsOf(w, w.founder)).toEqual(['withdraw']);
    for (const action of ['decide', 'screen', 'assignReviewers'] as const) expect([403, 404]).toContain((await tryAction(w, w.founder, action)).statusCode);

    // Rejected: the applicant may appeal; the officer nothing until it is appealed.
    const decided = await tryAction(w, w.officer, 'decide');
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await flagsOf(w, w.founder)).toEqual(['appeal']);
    expect(await flagsOf(w, w.officer)).toEqual(['readReviewers']);
    await refusedAll(w.officer, []);
    const appealed = await tryAction(w, w.founder, 'appeal');
    expect(appealed.statusCode, appealed.body).toBe(200);

    // Appealed: a new round to assign; the applicant may still withdraw, and does.
    expect(await flagsOf(w, w.officer)).toEqual(['assignReviewers', 'readReviewers']);
    expect(await flagsOf(w, w.founder)).toEqual(['withdraw']);
    const withdrawn = await tryAction(w, w.founder, 'withdraw');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await flagsOf(w, w.founder)).toEqual([]);
    expect(await flagsOf(w, w.officer)).toEqual(['readReviewers']);
  });

  it('list readReviewers exactly for those the review board names the reviewers to (the same policy)', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1, twoPersonThreshold: null } });
    const assigned = await tryAction(w, w.officer, 'assignReviewers');
    expect(assigned.statusCode, assigned.body).toBe(200);
    const reviewerId = assigned.json().assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId as string;
    const reviewer = w.reviewers.find((r) => r.id === reviewerId)!;
    const scored = await w.call(reviewer, 'POST', w.at('/reviews'), { scores: { innovation: 4, team: 4 }, recommendation: 'approve' });
    expect(scored.statusCode, scored.body).toBe(200);
    const admin = await createTestUser(ctx, { hub: w.hub, roles: ['hub_admin'] });
    // A reviewer scores through their queue: the application itself (and so any board card) is not theirs to open.
    const readsReviewers = async (user: TestUser) => {
      const res = await w.call(user, 'GET', w.at(''));
      return res.statusCode === 404 ? 'no application' : (res.json().allowedActions as ApplicationAction[]).includes('readReviewers');
    };
    const seen: [string, boolean | string, boolean][] = [];
    for (const [who, user] of [
      ['officer', w.officer],
      ['hub admin', admin],
      ['founder', w.founder],
      ['finance', w.finance],
      ['reviewer', reviewer],
    ] as const) {
      const board = await w.call(user, 'GET', w.at('/reviews'));
      expect(board.statusCode, board.body).toBe(200);
      const namesReviewers = board.json().assignments.length > 0 && board.json().reviews.every((r: { reviewer: string | null }) => r.reviewer !== null);
      seen.push([who, await readsReviewers(user), namesReviewers]);
    }
    expect(seen).toEqual([
      ['officer', true, true],
      ['hub admin', true, true],
      ['founder', false, false],
      ['finance', false, false],
      ['reviewer', 'no application', false],
    ]);
  });

  it('an officer of another hub and an outsider get 404 to the application and to every action', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1 } });
    const otherHub = await createTestHub(ctx);
    for (const user of [await createTestUser(ctx, { hub: otherHub, roles: ['program_officer', 'hub_admin'] }), await createTestUser(ctx)]) {
      expect((await w.call(user, 'GET', w.at(''))).statusCode).toBe(404);
      for (const action of Object.keys(attempt) as Write[]) expect((await tryAction(w, user, action)).statusCode, action).toBe(404);
      expect((await w.call(user, 'GET', w.at('/reviews'))).statusCode).toBe(404);
    }
  });
});

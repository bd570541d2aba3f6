import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** Reviewed, approved, awarded: tranche 1 (40%) paid, tranche 2 waiting on the midterm report. */
async function awarded() {
  const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 } });
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
  await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
  expect((await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' })).json().status).toBe('in_payment');
  return w;
}

type AwardBody = { allowedActions: string[]; tranches: { seq: number; status: string; allowedActions: string[] }[] };

describe('award allowedActions', () => {
  it('lists what each caller may do with the award and each tranche, and the routes refuse what is not listed', async () => {
    const w = await awarded();
    const auditor = await createTestUser(ctx, { hub: w.hub, roles: ['auditor'] });
    const read = async (user: typeof w.finance) => {
      const res = await w.call(user, 'GET', w.at('/award'));
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as AwardBody;
    };

    const finance = await read(w.finance);
    expect(finance.allowedActions).toEqual(['clawBack', 'recordSocialInsurance']);
    expect(finance.tranches.map((t) => [t.seq, t.status, t.allowedActions])).toEqual([
      [1, 'paid', []],
      [2, 'waiting', ['release']],
    ]);

    const officer = await read(w.officer);
    expect(officer.allowedActions).toEqual(['reviewMilestone', 'recordSocialInsurance']);
    expect(officer.tranches.every((t) => t.allowedActions.length === 0)).toBe(true);

    const founder = await read(w.founder);
    expect(founder.allowedActions).toEqual(['reportMilestone']);
    expect(founder.tranches.every((t) => t.allowedActions.length === 0)).toBe(true);

    expect((await read(auditor)).allowedActions).toEqual([]);

    // Whoever is not given release or clawBack is refused by the route, too.
    for (const user of [w.officer, w.founder, auditor]) {
      expect((await w.call(user, 'POST', w.at('/tranches/2/release'), { reason: 'pay it' })).statusCode).toBe(403);
      expect((await w.call(user, 'POST', w.at('/clawback'), { amount: '100', reason: 'breach' })).statusCode).toBe(403);
    }
    expect((await w.call(w.founder, 'POST', w.at('/social-insurance'), { months: 12, asOf: '2026-06-30', source: 'HR' })).statusCode).toBe(403);

    // Once paid, the tranche is no longer releasable and the closed award takes no report.
    const paid = await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'paid on evidence' });
    expect(paid.statusCode, paid.body).toBe(200);
    const after = paid.json() as AwardBody;
    expect(after.tranches.every((t) => t.allowedActions.length === 0)).toBe(true);
    expect(after.allowedActions).toEqual(['clawBack', 'recordSocialInsurance']);
    expect((await read(w.founder)).allowedActions).toEqual([]);
    expect((await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'twice' })).json().error.code).toBe('TRANCHE_SETTLED');
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { organizationInput } from '../../test/factories.js';
import { joinByInvitation } from '../../test/colleague-factories.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';
import { verifyLedger } from '../budget/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const scores = { innovation: 4, team: 5 };

async function reviewAll(w: ReviewedWorld) {
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const assigned = board.assignments.filter((a: { status: string }) => a.status === 'assigned').map((a: { reviewerId: string }) => a.reviewerId);
  for (const r of w.reviewers.filter((u) => assigned.includes(u.id))) {
    const res = await w.call(r, 'POST', w.at('/reviews'), { scores, comment: 'Strong team', recommendation: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
  }
  return board;
}

describe('reviewed programs', () => {
  it('a reviewed grant end to end: conflicted reviewer excluded, two reviews, two approvers, first tranche paid, report accepted, second tranche paid', async () => {
    const w = await reviewedWorld(ctx);
    expect(w.application.status).toBe('submitted');

    const board = await reviewAll(w);
    expect(board.status).toBe('in_review');
    const conflicted = board.assignments.find((a: { reviewerId: string }) => a.reviewerId === w.reviewers[2]!.id);
    expect(conflicted).toMatchObject({ status: 'conflicted', conflict: { kind: 'investor', relation: 'founded', organizationId: w.fund.id } });
    // The conflicted reviewer never sees the application; the others see it in their queue.
    expect((await w.call(w.reviewers[2]!, 'GET', `/review-queue/${w.application.id}`)).statusCode).toBe(404);
    expect((await w.call(w.reviewers[2]!, 'GET', w.at('/reviews'))).statusCode).toBe(404);
    expect((await w.call(w.reviewers[2]!, 'GET', '/review-queue')).json().items).toEqual([]);
    expect((await w.call(w.reviewers[0]!, 'GET', '/review-queue')).json().items.map((i: { applicationId: string }) => i.applicationId)).toEqual([
      w.application.id,
    ]);
    // Reviewers do not browse the hub's applications.
    expect((await w.call(w.reviewers[0]!, 'GET', w.at(''))).statusCode).toBe(404);

    const side = (await w.call(w.officer, 'GET', w.at('/reviews'))).json();
    expect(side.reviews).toHaveLength(2);
    expect(side.spread.find((s: { key: string }) => s.key === 'total')).toEqual({ key: 'total', min: 88, max: 88, mean: 88 });

    // What approving would do, said before the click: above the threshold it goes to a second officer.
    expect(side.approval).toEqual({ amount: '100000000', toSecondApprover: true, onNotice: false, paidNow: [] });
    expect((await w.call(w.founder, 'GET', w.at('/reviews'))).json().approval).toBeNull();

    // Above the two-person threshold: the first approval waits; the same officer cannot be the second.
    const first = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'Scores and plan are strong' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'approved', amount: '100000000' });
    const same = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'me again' });
    expect(same.json().error.code).toBe('SAME_APPROVER');
    // The second approver's approval makes the award and pays the unconditional tranche.
    expect((await w.call(w.officer2, 'GET', w.at('/reviews'))).json().approval).toEqual({
      amount: '100000000',
      toSecondApprover: false,
      onNotice: false,
      paidNow: [{ seq: 1, amount: '40000000' }],
    });
    const second = await w.call(w.officer2, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'Agreed' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().status).toBe('in_payment');

    let award = (await w.call(w.founder, 'GET', w.at('/award'))).json();
    expect(award.tranches.map((t: { amount: string; status: string }) => [t.amount, t.status])).toEqual([
      ['40000000', 'paid'],
      ['60000000', 'waiting'],
    ]);
    expect(award.paid).toBe('40000000');

    // The applicant sees the reasons and the scores, never who reviewed.
    const mine = (await w.call(w.founder, 'GET', w.at('/reviews'))).json();
    expect(mine.assignments).toEqual([]);
    expect(mine.reviews.every((r: { reviewer: string | null; comment: string | null }) => r.reviewer === null && r.comment === null)).toBe(true);
    expect(mine.decisions.map((d: { reason: string; decidedBy: string | null }) => [d.reason, d.decidedBy])).toEqual([
      ['Scores and plan are strong', null],
      ['Agreed', null],
    ]);

    const report = await w.call(w.founder, 'POST', w.at('/milestones/midterm/report'), { text: 'Prototype delivered', kpis: { robots: 3 } });
    expect(report.statusCode, report.body).toBe(200);
    const accepted = await w.call(w.officer, 'POST', w.at('/milestones/midterm/review'), { outcome: 'accept', note: 'Good' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    award = accepted.json();
    expect(award.status).toBe('closed');
    expect(award.paid).toBe('100000000');

    const { rows } = await ctx.database.db.execute(
      sql`SELECT amount::text, posted::text FROM commitments WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}`,
    );
    expect(rows).toEqual([{ amount: '100000000', posted: '100000000' }]);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
    const history = (await w.call(w.founder, 'GET', w.at('/history'))).json().items as Array<{
      event: string;
      reason: string | null;
      reasonCode: string | null;
    }>;
    expect(history.map((t) => t.event)).toEqual(['screen', 'assign', 'approve', 'second_approve', 'pay', 'pay', 'close']);
    // What the system wrote is named by code (the page says it in its language); people's reasons stay as typed.
    expect(history.map((t) => t.reasonCode ?? t.reason)).toEqual([
      null,
      null,
      'Scores and plan are strong',
      'Agreed',
      'paid_with_award',
      'condition_milestone_accepted',
      'tranches_settled',
    ]);
  });

  it('a history written in one transaction reads in the order it happened: approved before awarded', async () => {
    const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null } });
    await reviewAll(w);
    const decided = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'yes' });
    expect(decided.statusCode, decided.body).toBe(200);
    const history = (await w.call(w.founder, 'GET', w.at('/history'))).json().items as Array<{ event: string; to: string; at: string }>;
    // Approve, award and the first (unconditional) tranche are one transaction: they share
    // created_at, so only the ids (made in order) keep them in order.
    expect(history.map((t) => t.event)).toEqual(['screen', 'assign', 'approve', 'award', 'pay']);
    const oneTransaction = history.slice(-3);
    expect(new Set(oneTransaction.map((t) => t.at)).size).toBe(1);
    expect(oneTransaction.map((t) => t.to)).toEqual(['approved', 'awarded', 'in_payment']);
  });

  it('two officers deciding at once: one wins, the other gets 409 and nothing of theirs is written', async () => {
    const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null } });
    await reviewAll(w);
    const [a, b] = await Promise.all([
      w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'yes' }),
      w.call(w.officer2, 'POST', w.at('/decision'), { outcome: 'reject', reason: 'no' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('ILLEGAL_TRANSITION');
    const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM application_decisions WHERE hub_id = ${w.hub.id}`);
    expect(rows).toEqual([{ n: 1 }]);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
  });

  it('an illegal transition is 409 and changes nothing; officers cannot decide before every review is in', async () => {
    const w = await reviewedWorld(ctx);
    const early = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'too soon' });
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');
    await w.call(w.officer, 'POST', w.at('/reviewers'));
    const pending = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'no reviews yet' });
    expect(pending.json().error.code).toBe('REVIEWS_PENDING');
    const appeal = await w.call(w.founder, 'POST', w.at('/appeal'), { reason: 'not rejected' });
    expect(appeal.statusCode).toBe(409);
    const { rows } = await ctx.database.db.execute(sql`SELECT status FROM applications WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}`);
    expect(rows).toEqual([{ status: 'in_review' }]);
  });

  it('returned, changed and resubmitted: the answers are checked again and reviewers see what changed', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1 } });
    await reviewAll(w);
    const returned = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'return', reason: 'Add a budget' });
    expect(returned.json().status).toBe('returned');
    const bad = await w.call(w.founder, 'POST', w.at('/resubmit'), { answers: { plan: 'x', budget: 1 } });
    expect(bad.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([['answers.budget', 'UNKNOWN_FIELD']]);
    const again = await w.call(w.founder, 'POST', w.at('/resubmit'), {
      answers: { plan: 'Embodied AI for logistics, CNY 3 m budget' },
      reason: 'Budget added',
    });
    expect(again.json().status).toBe('submitted');

    const round1 = (await w.call(w.officer, 'GET', w.at('/reviews'))).json().assignments;
    const first = round1.find((a: { status: string }) => a.status !== 'conflicted').reviewerId;
    // The resubmission goes back to the same reviewer, in round 2.
    const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
    expect(
      board.assignments
        .filter((a: { round: number; status: string }) => a.round === 2 && a.status === 'assigned')
        .map((a: { reviewerId: string }) => a.reviewerId),
    ).toEqual([first]);
    const reviewer = w.reviewers.find((r) => r.id === first)!;
    const item = (await w.call(reviewer, 'GET', `/review-queue/${w.application.id}`)).json();
    expect(item.round).toBe(2);
    expect((await w.call(reviewer, 'GET', '/review-queue')).json().items).toHaveLength(1);
    expect(item.changes).toEqual([{ key: 'plan', before: 'Embodied AI for logistics', after: 'Embodied AI for logistics, CNY 3 m budget' }]);
  });

  it('a reviewer who declares a conflict in a later round loses the application from their queue, the earlier round too', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1 } });
    const first = (await reviewAll(w)).assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId;
    await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'return', reason: 'Add a budget' });
    await w.call(w.founder, 'POST', w.at('/resubmit'), { answers: { plan: 'Parcel robots, CNY 3 m budget' }, reason: 'Budget added' });
    await w.call(w.officer, 'POST', w.at('/reviewers'));
    const reviewer = w.reviewers.find((r) => r.id === first)!;
    expect((await w.call(reviewer, 'GET', `/review-queue/${w.application.id}`)).json().round).toBe(2);
    const declared = await w.call(reviewer, 'POST', w.at('/conflicts'), { reason: 'I have since joined their board' });
    expect(declared.statusCode, declared.body).toBe(200);
    // Neither the item nor the list shows it (nor the new answers) any more.
    expect((await w.call(reviewer, 'GET', `/review-queue/${w.application.id}`)).statusCode).toBe(404);
    expect((await w.call(reviewer, 'GET', '/review-queue')).json().items).toEqual([]);
  });

  it('the appeal is reviewed by someone who sat in no earlier round; with nobody left, NOT_ENOUGH_REVIEWERS', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1 } });
    const board = await reviewAll(w);
    const firstReviewer = board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId;
    await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'reject', reason: 'Weak plan' });
    expect((await w.call(w.founder, 'POST', w.at('/appeal'), { reason: 'We disagree' })).json().status).toBe('appealed');
    const second = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
    const round2 = second.assignments.filter((a: { round: number; status: string }) => a.round === 2 && a.status === 'assigned');
    expect(round2).toHaveLength(1);
    expect(round2[0].reviewerId).not.toBe(firstReviewer);
    expect(round2[0].reviewerId).not.toBe(w.reviewers[2]!.id);
    // Rejected again and appealed again: both free reviewers have sat, the third is conflicted.
    const sitting = w.reviewers.find((r) => r.id === round2[0].reviewerId)!;
    await w.call(sitting, 'POST', w.at('/reviews'), { scores, recommendation: 'reject' });
    await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'reject', reason: 'Still weak' });
    await w.call(w.founder, 'POST', w.at('/appeal'), { reason: 'Once more' });
    const none = await w.call(w.officer, 'POST', w.at('/reviewers'));
    expect(none.json().error.code).toBe('NOT_ENOUGH_REVIEWERS');
    const { rows } = await ctx.database.db.execute(sql`SELECT status FROM applications WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}`);
    expect(rows).toEqual([{ status: 'appealed' }]);
  });

  it('assignment is balanced by open load: a second application goes to the reviewer with fewer open reviews', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1 } });
    const first = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json().assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId;
    const founder = await createTestUser(ctx);
    const org = (await w.call(founder, 'POST', '/organizations', organizationInput({ kind: 'startup', sectors: ['ai'] }))).json();
    const applied = (await w.call(founder, 'POST', `/programs/${w.program.id}/applications`, { organizationId: org.id, answers: { plan: 'Vision' } })).json();
    const board = (await w.call(w.officer, 'POST', `/applications/${applied.id}/reviewers`)).json();
    const second = board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId;
    // Nobody is conflicted with this startup, so all three were free: the two idle ones come first.
    expect(board.assignments.filter((a: { status: string }) => a.status === 'conflicted')).toEqual([]);
    expect(second).not.toBe(first);
  });

  it('a declared conflict hands the seat to a free reviewer; nobody judges their own application', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1 } });
    const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
    const seat = board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId;
    const sitting = w.reviewers.find((r) => r.id === seat)!;
    const declared = await w.call(sitting, 'POST', w.at('/conflicts'), { reason: 'My cousin works there' });
    expect(declared.statusCode, declared.body).toBe(200);
    const after = (await w.call(w.officer, 'GET', w.at('/reviews'))).json().assignments;
    expect(after.find((a: { reviewerId: string }) => a.reviewerId === seat)).toMatchObject({
      status: 'conflicted',
      conflict: { kind: 'declared', note: 'My cousin works there' },
    });
    // The free reviewer (not the graph-conflicted one) took the seat.
    const replacement = after.find((a: { status: string }) => a.status === 'assigned');
    expect(replacement.reviewerId).not.toBe(w.reviewers[2]!.id);
    expect((await w.call(sitting, 'GET', `/review-queue/${w.application.id}`)).statusCode).toBe(404);

    // An officer who is a member of the applicant cannot decide it.
    const insider = await createTestUser(ctx, { hub: w.hub, roles: ['program_officer'] });
    await joinByInvitation(ctx, w.hub, w.founder, w.org.id, insider, 'applicant');
    const other = w.reviewers.find((r) => r.id === replacement.reviewerId)!;
    await w.call(other, 'POST', w.at('/reviews'), { scores, recommendation: 'approve' });
    const own = await w.call(insider, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'mine' });
    expect(own.json().error.code).toBe('OWN_APPLICATION');
  });

  it('bad scores are a 400 naming the criterion; another hub, a stranger and an applicant get 404/403, never the data', async () => {
    const w = await reviewedWorld(ctx);
    const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
    const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
    const bad = await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 6, extra: 1 }, recommendation: 'approve' }, { 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['scores.extra', 'UNKNOWN_FIELD'],
      ['scores.innovation', 'TOO_BIG'],
      ['scores.team', 'REQUIRED'],
    ]);
    const stranger = await createTestUser(ctx);
    expect((await w.call(stranger, 'GET', w.at('/reviews'))).statusCode).toBe(404);
    expect((await w.call(stranger, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'x' })).statusCode).toBe(404);
    expect((await w.call(w.founder, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'x' })).statusCode).toBe(403);
    expect((await w.call(w.finance, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'x' })).statusCode).toBe(403);
    const elsewhere = await reviewedWorld(ctx);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/hubs/${elsewhere.hub.slug}/applications/${w.application.id}/reviews`,
          headers: { cookie: w.officer.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });
});

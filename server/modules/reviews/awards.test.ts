import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { awardConditionsJob } from '../../platform/jobs/definitions/award-conditions.job.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';
import { verifyLedger } from '../budget/index.js';
import { checkHubConditions, remindMilestones } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** Reviewed, approved below the threshold, awarded: 40% paid, 60% waiting on the midterm report. */
async function awarded(options: Parameters<typeof reviewedWorld>[1] = {}) {
  const w = await reviewedWorld(ctx, { ...options, review: { twoPersonThreshold: null, reviewersPerApplication: 1, ...options.review } });
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
  await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
  const decided = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' });
  expect(decided.json().status, decided.body).toBe('in_payment');
  return w;
}

const ledgerOf = async (w: ReviewedWorld) =>
  (
    await ctx.database.db.execute(sql`
    SELECT c.posted::text, c.released, (a.credits_posted - a.debits_posted)::text AS net
    FROM commitments c JOIN ledger_accounts a ON a.hub_id = c.hub_id AND a.id = c.award_account_id WHERE c.hub_id = ${w.hub.id} AND c.id = ${w.application.id}`)
  ).rows[0];

describe('awards', () => {
  it('finance releases a tranche by hand with a reason; a retry with the same key pays once; officers and applicants may not', async () => {
    const w = await awarded();
    expect((await w.call(w.officer, 'POST', w.at('/tranches/2/release'), { reason: 'early' })).statusCode).toBe(403);
    expect((await w.call(w.founder, 'POST', w.at('/tranches/2/release'), { reason: 'pay me' })).statusCode).toBe(403);
    const headers = { 'idempotency-key': 'release-tranche-2-0001' };
    const [a, b] = await Promise.all([
      w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'Report delayed by the auditor; paid on evidence' }, headers),
      w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'Report delayed by the auditor; paid on evidence' }, headers),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().paid).toBe('100000000');
    expect(a.json().status).toBe('closed');
    const again = await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'twice' });
    expect(again.json().error.code).toBe('TRANCHE_SETTLED');
    expect((await w.call(w.finance, 'POST', w.at('/tranches/9/release'), { reason: 'none' })).statusCode).toBe(404);
    expect(await ledgerOf(w)).toEqual({ posted: '100000000', released: false, net: '100000000' });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
  });

  it('a retried approval (same Idempotency-Key) awards once; two finance officers releasing one tranche at once pay it once', async () => {
    const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 } });
    const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
    const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
    await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
    const headers = { 'idempotency-key': 'decide-once-0001' };
    const first = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' }, headers);
    const retry = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' }, headers);
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());

    const finance2 = await createTestUser(ctx, { hub: w.hub, roles: ['finance_officer'] });
    const [a, b] = await Promise.all([
      w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'paid on evidence' }),
      w.call(finance2, 'POST', w.at('/tranches/2/release'), { reason: 'paid on evidence too' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('TRANCHE_SETTLED');
    expect(await ledgerOf(w)).toEqual({ posted: '100000000', released: false, net: '100000000' });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
  });

  it('a co-funded award commits and pays only the city’s share from the line; the employer pays the rest itself', async () => {
    // CNY 1 m, the city pays 70%: CNY 700,000 from the line, 40% of it with the award, 60% on the report.
    const w = await awarded({ coFunding: { cityBasisPoints: 7000 } });
    const commitment = async () =>
      (await ctx.database.db.execute(sql`SELECT amount::text, posted::text FROM commitments WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}`)).rows[0];
    const award = (await w.call(w.founder, 'GET', w.at('/award'))).json();
    expect(award).toMatchObject({ amount: '100000000', paid: '28000000' });
    expect(award.tranches.map((t: { amount: string }) => t.amount)).toEqual(['28000000', '42000000']);
    expect(await commitment()).toEqual({ amount: '70000000', posted: '28000000' });
    const paid = await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'report accepted on paper' });
    expect(paid.json()).toMatchObject({ status: 'closed', paid: '70000000' });
    expect(await commitment()).toEqual({ amount: '70000000', posted: '70000000' });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
  });

  it('a claw-back takes back no more than was paid, cancels waiting tranches, returns the rest to the line and closes the award', async () => {
    const w = await awarded();
    const tooMuch = await w.call(w.finance, 'POST', w.at('/clawback'), { amount: '40000001', reason: 'Breach of the residency term' });
    expect(tooMuch.json().error.code).toBe('CLAWBACK_EXCEEDS_PAID');
    expect((await w.call(w.officer, 'POST', w.at('/clawback'), { amount: '1', reason: 'x' })).statusCode).toBe(403);
    const res = await w.call(w.finance, 'POST', w.at('/clawback'), { amount: '30000000', reason: 'Moved out of Hangzhou within 3 years' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      paid: '40000000',
      clawedBack: '30000000',
      clawbacks: [{ amount: '30000000', reason: 'Moved out of Hangzhou within 3 years' }],
    });
    expect(res.json().tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'cancelled']);
    expect(await ledgerOf(w)).toEqual({ posted: '40000000', released: true, net: '10000000' });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    // The applicant sees it; another applicant does not.
    expect((await w.call(w.founder, 'GET', w.at('/award'))).json().clawedBack).toBe('30000000');
    expect((await w.call(await createTestUser(ctx), 'GET', w.at('/award'))).statusCode).toBe(404);
  });

  it('the daily job pays a tranche whose date has come and one whose social insurance months are recorded, and reminds of reports due', async () => {
    const w = await reviewedWorld(ctx, {
      review: {
        twoPersonThreshold: null,
        reviewersPerApplication: 1,
        milestones: [{ key: 'midterm', name: { zh: '中期', en: 'Midterm' }, dueAfterMonths: 0 }],
      },
    });
    // Three tranches (with the award, a date, social insurance): set on the program's version before any award.
    const db = ctx.database.db;
    await db.execute(
      sql`UPDATE program_versions SET rules = jsonb_set(rules, '{benefit,tranches}', ${JSON.stringify([
        { shareBasisPoints: 2000, condition: null },
        { shareBasisPoints: 3000, condition: { kind: 'date', monthsAfterAward: 1 } },
        { shareBasisPoints: 5000, condition: { kind: 'social_insurance_months', months: 6 } },
      ])}::jsonb) WHERE hub_id = ${w.hub.id} AND program_id = ${w.program.id}`,
    );
    const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
    const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
    await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
    await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' });

    const now = new Date();
    expect(await checkHubConditions(db, w.hub, now)).toMatchObject({ paid: 0 });
    const later = new Date(now.getTime() + 40 * 86_400_000);
    expect(await checkHubConditions(db, w.hub, later)).toMatchObject({ paid: 1 });
    expect(await checkHubConditions(db, w.hub, later)).toMatchObject({ paid: 0 });

    const short = await w.call(w.officer, 'POST', w.at('/social-insurance'), { months: 5, asOf: '2026-06-30', source: 'Hangzhou social insurance bureau' });
    expect(short.json().tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'paid', 'waiting']);
    expect((await w.call(w.founder, 'POST', w.at('/social-insurance'), { months: 6, asOf: '2026-07-31', source: 'me' })).statusCode).toBe(403);
    const enough = await w.call(w.officer, 'POST', w.at('/social-insurance'), { months: 6, asOf: '2026-07-31', source: 'Hangzhou social insurance bureau' });
    expect(enough.json()).toMatchObject({ status: 'closed', paid: '100000000' });

    // The report (due at once) was never handed in: one reminder per user, however often the job runs.
    const w2 = await awarded({ review: { milestones: [{ key: 'midterm', name: { zh: '中期', en: 'Midterm' }, dueAfterMonths: 0 }] } });
    expect(await remindMilestones(db, w2.hub)).toBe(1);
    expect(await remindMilestones(db, w2.hub)).toBe(0);
    const { rows } = await db.execute(
      sql`SELECT kind FROM notifications WHERE hub_id = ${w2.hub.id} AND user_id = ${w2.founder.id} AND kind LIKE 'milestone%'`,
    );
    expect(rows).toEqual([{ kind: 'milestone_due:midterm' }]);
    expect(await verifyLedger(db, w.hub.id)).toEqual([]);
  });

  it('a rule-only award’s conditional tranche (left waiting by issue 5) is recorded and paid by the job once the fact is in', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const draft = computeVoucherDraft();
    draft.rules.benefit.tranches = [
      { shareBasisPoints: 5000, condition: null },
      { shareBasisPoints: 5000, condition: { kind: 'social_insurance_months', months: 12 } },
    ];
    const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }))).json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));
    const founder = await createTestUser(ctx);
    const org = (
      await ctx.app.inject(
        as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
      )
    ).json();
    const app = (
      await ctx.app.inject(
        as(founder, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
          payload: { organizationId: org.id, answers: { contract_number: 'C-1', contract_amount: '10000000', chips: 'other' } },
        }),
      )
    ).json();
    expect(app.status).toBe('approved');

    await awardConditionsJob.handle(ctx.database.db, { hubId: hub.id });
    const award = (await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/applications/${app.id}/award` }))).json();
    expect(award.tranches.map((t: { amount: string; status: string }) => [t.amount, t.status])).toEqual([
      ['1000000', 'paid'],
      ['1000000', 'waiting'],
    ]);
    const recorded = await ctx.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/applications/${app.id}/social-insurance`,
        payload: { months: 12, asOf: '2026-09-30', source: 'bureau' },
      }),
    );
    expect(recorded.json()).toMatchObject({ status: 'closed', paid: '2000000' });
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, contractAnswers } from '../../test/program-factories.js';
import type { ReviewSettingsInput } from '../../../contracts/review-settings.js';
import { checkHubConditions } from './conditions.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const later = new Date(Date.now() + 30 * 86_400_000);
/** 30% of a 1,000,000 fen contract on domestic chips (computeVoucherDraft's rates). */
const AMOUNT = '300000';

/** Review settings as an API client wrote them before a rule-only program could carry the notice period alone. */
const fullSettings: ReviewSettingsInput = {
  reviewersPerApplication: 1,
  rubric: [{ key: 'overall', name: { zh: '总体', en: 'Overall' }, weight: 1, scale: 5 }],
  conflictYears: 5,
  twoPersonThreshold: null,
  scoresVisibleToApplicant: false,
  milestones: [],
  noticeWorkingDays: 2,
};

/** A rule-only compute voucher with 2 working days of public notice; a startup applies and is approved at once. */
async function noticedRuleOnlyAward(review: ReviewSettingsInput = fullSettings) {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
  const draft = computeVoucherDraft();
  draft.rules.review = review;
  const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx.app.inject(as(user, { method, url: `/api/hubs/${hub.slug}${path}`, ...(payload ? { payload } : {}), headers }));
  const program = (await call(officer, 'POST', '/programs', draft)).json() as { id: string };
  expect((await call(officer, 'POST', `/programs/${program.id}/publish`)).statusCode).toBe(200);
  const founder = await createTestUser(ctx);
  const org = (await call(founder, 'POST', '/organizations', organizationInput({ kind: 'startup', sectors: ['ai'] }))).json();
  const applied = await call(
    founder,
    'POST',
    `/programs/${program.id}/applications`,
    { organizationId: org.id, answers: contractAnswers('1000000') },
    { 'idempotency-key': `notice-${org.id}` },
  );
  expect(applied.statusCode, applied.body).toBe(201);
  const application = applied.json() as { id: string; number: string; status: string; amount: string };
  const posted = async () =>
    (
      await ctx.database.db.execute<{ posted: string; released: boolean }>(
        sql`SELECT posted::text AS posted, released FROM commitments WHERE hub_id = ${hub.id} AND cause_id = ${application.id}`,
      )
    ).rows;
  const board = async () => (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/public/notices` })).json().items;
  const status = async () => (await call(officer, 'GET', `/applications/${application.id}`)).json().status as string;
  const lodge = (remoteAddress: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/hubs/${hub.slug}/public/notices/${application.number}/objections`,
      payload: { contact: 'citizen@example.cn', reason: 'The contract was signed with a related company.' },
      remoteAddress,
    });
  return { hub, officer, finance, founder, program, application, call, posted, board, status, lodge };
}

describe('public notice (公示) of a rule-only award', () => {
  it('approved at once but not paid: on the board until the period ends and objections are resolved, then paid by the daily job, once', async () => {
    const w = await noticedRuleOnlyAward();
    expect(w.application).toMatchObject({ status: 'approved', amount: AMOUNT });
    expect(await w.posted()).toEqual([{ posted: '0', released: false }]);
    const [item] = await w.board();
    expect(item).toMatchObject({ number: w.application.number, amount: AMOUNT, open: true });
    expect(item.endsOn > item.startsOn).toBe(true);

    // Finance by hand is refused while it runs; the job pays nothing before the period ends.
    const byHand = await w.call(w.finance, 'POST', `/applications/${w.application.id}/tranches/1/release`, { reason: 'pay now' });
    expect(byHand.statusCode, byHand.body).toBe(409);
    expect(byHand.json().error.code).toBe('NOTICE_PENDING');
    expect((await checkHubConditions(ctx.database.db, w.hub, new Date())).paid).toBe(0);

    // An objection open after the period still holds it; dismissed, the job pays.
    expect((await w.lodge('203.0.113.20')).statusCode).toBe(201);
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(0);
    expect(await w.posted()).toEqual([{ posted: '0', released: false }]);
    const [open] = (await w.call(w.officer, 'GET', '/objections')).json().items;
    const dismissed = await w.call(w.officer, 'POST', `/objections/${open.id}/resolution`, { outcome: 'dismissed', reason: 'The supplier is not related.' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);

    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(1);
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(0);
    expect(await w.posted()).toEqual([{ posted: AMOUNT, released: false }]);
    expect(await w.status()).toBe('closed');
  });

  it('an upheld objection stops it: rejected, commitment released, off the board and the public awards, never paid', async () => {
    const w = await noticedRuleOnlyAward();
    expect((await w.lodge('203.0.113.21')).statusCode).toBe(201);
    const [open] = (await w.call(w.officer, 'GET', '/objections')).json().items;
    const upheld = await w.call(w.officer, 'POST', `/objections/${open.id}/resolution`, { outcome: 'upheld', reason: 'Related-party contract confirmed.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(await w.status()).toBe('rejected');
    expect(await w.posted()).toEqual([{ posted: '0', released: true }]);
    expect(await w.board()).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/awards` })).json().items).toEqual([]);
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(0);
    expect(await w.posted()).toEqual([{ posted: '0', released: true }]);
  });

  it('a rule-only program carries the notice period alone (what the editor sends); the server checks it and names the field', async () => {
    const w = await noticedRuleOnlyAward({ noticeWorkingDays: 2 });
    expect(w.application).toMatchObject({ status: 'approved', amount: AMOUNT });
    expect(await w.posted()).toEqual([{ posted: '0', released: false }]);
    expect((await w.board()).map((n: { number: string }) => n.number)).toEqual([w.application.number]);
    const stored = (await w.call(w.officer, 'GET', `/programs/${w.program.id}`)).json();
    expect(stored.rules.review).toMatchObject({ noticeWorkingDays: 2, milestones: [] });

    const put = (review: unknown, locale = 'en-US') => {
      const draft = { ...computeVoucherDraft(), rules: { ...computeVoucherDraft().rules, review } };
      return w.call(w.officer, 'PUT', `/programs/${w.program.id}`, draft, { 'accept-language': locale });
    };
    for (const bad of [31, -1, 1.5, '3']) {
      const res = await put({ noticeWorkingDays: bad });
      expect(res.statusCode, `${bad}: ${res.body}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['rules.review.noticeWorkingDays']);
    }
    const zh = await put({ noticeWorkingDays: 31 }, 'zh-CN');
    expect(zh.json().error.fields[0]).toMatchObject({ path: 'rules.review.noticeWorkingDays' });
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    // A rule-only program's review may not carry a field no program knows.
    const unknown = await put({ noticeWorkingDays: 3, noticeDays: 3 });
    expect(unknown.statusCode, unknown.body).toBe(400);

    const changed = await put({ noticeWorkingDays: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    const after = (await w.call(w.officer, 'GET', `/programs/${w.program.id}`)).json();
    expect(after.rules.review.noticeWorkingDays).toBe(5);
  });

  it('a revoked award is no rejection at review: out of the outcome study, and the applicant is offered no appeal, which is refused', async () => {
    const w = await noticedRuleOnlyAward();
    const study = async () => (await w.call(w.officer, 'GET', `/programs/${w.program.id}/outcomes`)).json();
    expect(await study()).toMatchObject({ awardees: 1, comparisons: 0 });
    expect((await w.lodge('203.0.113.22')).statusCode).toBe(201);
    const [open] = (await w.call(w.officer, 'GET', '/objections')).json().items;
    const upheld = await w.call(w.officer, 'POST', `/objections/${open.id}/resolution`, { outcome: 'upheld', reason: 'Related-party contract confirmed.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(await w.status()).toBe('rejected');

    expect(await study()).toMatchObject({ awardees: 0, comparisons: 0, comparisonGroups: { rejectedAtReview: 0, narrowMisses: 0 } });
    const seen = await w.call(w.founder, 'GET', `/applications/${w.application.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().allowedActions).toEqual([]);
    expect((await w.call(w.officer, 'GET', `/applications/${w.application.id}`)).json().allowedActions).toEqual([]);
    const appeal = await w.call(w.founder, 'POST', `/applications/${w.application.id}/appeal`, { reason: 'The supplier is not related.' });
    expect(appeal.statusCode, appeal.body).toBe(409);
    expect(await w.status()).toBe('rejected');
  });
});

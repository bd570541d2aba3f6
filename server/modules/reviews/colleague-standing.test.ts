import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../../contracts/obligations.js';
import { colleagueOf, memberOfAnotherCompany } from '../../test/colleague-factories.js';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { awardInPayment, paidInFullAward, reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';
import { localToday } from '../../platform/hub-time.js';
import { addMonths } from './index.js';
import { outcomeReportsObligation } from '../../test/obligation-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const reports = outcomeReportsObligation(24);

/** The company's application as `user` reads it (200) and whether it is in their applications list. */
async function readsAndLists(w: ReviewedWorld, user: TestUser): Promise<{ detail: number; listed: boolean }> {
  const detail = await w.call(user, 'GET', w.at(''));
  const list = await w.call(user, 'GET', '/applications?limit=100');
  expect(list.statusCode, list.body).toBe(200);
  return { detail: detail.statusCode, listed: list.json().items.some((a: { id: string }) => a.id === w.application.id) };
}

const codeOf = (res: { statusCode: number; json: () => { error?: { code: string } } }) => [res.statusCode, res.json().error?.code];

/**
 * A company's application: every member reads it and finds it in their list; only an owner
 * or a "can apply" colleague acts for the company (a "can view" colleague gets 403); a
 * member of another company learns nothing of it (404).
 */
describe("colleagues and the company's application", () => {
  it('a viewer reads and lists the award but may not report on it; a "can apply" colleague reports; another company gets 404', async () => {
    const w = await awardInPayment(ctx, [reports]);
    expect((await w.call(w.officer, 'POST', '/obligation-checks')).json()).toMatchObject({ obligations: 1 });
    const viewer = await colleagueOf(ctx, w.hub, w.founder, w.org.id, 'viewer');
    const applicant = await colleagueOf(ctx, w.hub, w.founder, w.org.id, 'applicant');
    const stranger = await memberOfAnotherCompany(ctx, w.hub);
    const outcome = w.at(`/outcome-reports/reports/${addMonths(localToday(w.hub.timeZone), 12)}`);
    const milestone = w.at('/milestones/midterm/report');
    const report = { text: 'Prototype delivered', kpis: {}, attachments: [] };

    // Reading: every member, not only the submitter; the stranger neither reads nor lists it.
    for (const member of [viewer, applicant, w.founder]) expect(await readsAndLists(w, member)).toEqual({ detail: 200, listed: true });
    expect(await readsAndLists(w, stranger)).toEqual({ detail: 404, listed: false });
    // A colleague's read of the answers is a personal read, as anyone's but the submitter's.
    const { rows } = await ctx.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${w.hub.id} AND action = 'personal.read' AND actor_id = ${viewer.id} AND subject_type = 'application'`,
    );
    expect(rows[0]).toEqual({ n: 2 });

    // The viewer sees the award and its reports, and is offered nothing to do.
    const award = await w.call(viewer, 'GET', w.at('/award'));
    expect(award.statusCode, award.body).toBe(200);
    expect(award.json().allowedActions).toEqual([]);
    const outcomes = await w.call(viewer, 'GET', w.at('/outcome-reports'));
    expect(outcomes.statusCode, outcomes.body).toBe(200);
    expect(outcomes.json().items.map((r: { canSubmit: boolean }) => r.canSubmit)).toEqual([false, false]);
    expect((await w.call(applicant, 'GET', w.at('/award'))).json().allowedActions).toEqual(['reportMilestone']);
    expect((await w.call(applicant, 'GET', w.at('/outcome-reports'))).json().items[0].canSubmit).toBe(true);

    // Acting for the company: 403 for the viewer (they can see it), 404 for the stranger.
    expect(codeOf(await w.call(viewer, 'POST', milestone, report))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await w.call(viewer, 'POST', outcome, { text: 'ok' }))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await w.call(viewer, 'POST', w.at('/withdraw'), { reason: 'mine' }))).toEqual([403, 'FORBIDDEN']);
    for (const path of ['', '/award', '/outcome-reports']) expect((await w.call(stranger, 'GET', w.at(path))).statusCode, path).toBe(404);
    expect(codeOf(await w.call(stranger, 'POST', milestone, report))).toEqual([404, 'NOT_FOUND']);
    expect(codeOf(await w.call(stranger, 'POST', outcome, { text: 'ok' }))).toEqual([404, 'NOT_FOUND']);
    expect(codeOf(await w.call(stranger, 'POST', w.at('/withdraw'), { reason: 'mine' }))).toEqual([404, 'NOT_FOUND']);

    // The "can apply" colleague, who did not submit it, reports for the company.
    const sent = await w.call(applicant, 'POST', milestone, report);
    expect(sent.statusCode, sent.body).toBe(200);
    const outcomeSent = await w.call(applicant, 'POST', outcome, { text: 'Two hires, one patent.' });
    expect(outcomeSent.statusCode, outcomeSent.body).toBe(200);
  });

  it('withdrawing: a viewer gets 403, a submitter made a viewer too; a colleague who may apply withdraws; another company gets 404', async () => {
    const w = await reviewedWorld(ctx);
    const viewer = await colleagueOf(ctx, w.hub, w.founder, w.org.id, 'viewer');
    const applicant = await colleagueOf(ctx, w.hub, w.founder, w.org.id, 'applicant');
    const stranger = await memberOfAnotherCompany(ctx, w.hub);
    const withdraw = (user: TestUser) => w.call(user, 'POST', w.at('/withdraw'), { reason: 'Not this year' });

    const viewed = await w.call(viewer, 'GET', w.at(''));
    expect(viewed.statusCode, viewed.body).toBe(200);
    expect(viewed.json().allowedActions).toEqual([]);
    expect((await w.call(applicant, 'GET', w.at(''))).json().allowedActions).toEqual(['withdraw']);
    expect(codeOf(await withdraw(viewer))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await withdraw(stranger))).toEqual([404, 'NOT_FOUND']);

    // The submitter acts for the company only while their role lets them apply.
    expect((await w.call(w.founder, 'PUT', `/organizations/${w.org.id}/members/${applicant.id}`, { role: 'owner' })).statusCode).toBe(204);
    expect((await w.call(applicant, 'PUT', `/organizations/${w.org.id}/members/${w.founder.id}`, { role: 'viewer' })).statusCode).toBe(204);
    expect(await readsAndLists(w, w.founder)).toEqual({ detail: 200, listed: true });
    expect(codeOf(await withdraw(w.founder))).toEqual([403, 'FORBIDDEN']);

    const done = await withdraw(applicant);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('withdrawn');
  });

  it('a finding against the company: a viewer reads it but may not appeal (403); a "can apply" colleague appeals; another company gets 404', async () => {
    const stay: ObligationInput = { key: 'stay', kind: 'stay_registered', months: 60, recovery: { rule: 'pro_rata' }, appealDays: 15, repayDays: 30 };
    const w = await paidInFullAward(ctx, [stay]);
    const moved = await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, {
      metric: 'registered_in_hub',
      asOf: localToday(w.hub.timeZone),
      quantity: '0',
      source: { note: 'Registration moved to Suzhou' },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    await w.call(w.officer, 'POST', '/obligation-checks');
    const [finding] = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items;
    const decided = await w.call(w.officer, 'POST', `/obligation-findings/${finding.id}/decision`, { decision: 'breach', reason: 'moved' });
    expect(decided.statusCode, decided.body).toBe(200);
    const viewer = await colleagueOf(ctx, w.hub, w.founder, w.org.id, 'viewer');
    const applicant = await colleagueOf(ctx, w.hub, w.founder, w.org.id, 'applicant');
    const stranger = await memberOfAnotherCompany(ctx, w.hub);
    const url = `/obligation-findings/${finding.id}`;
    const appeal = (user: TestUser) => w.call(user, 'POST', `${url}/appeal`, { reason: 'Only the sales office moved' });

    const seen = await w.call(viewer, 'GET', url);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().actions).toEqual([]);
    expect((await w.call(applicant, 'GET', url)).json().actions).toEqual(['appeal']);
    expect(codeOf(await appeal(viewer))).toEqual([403, 'FORBIDDEN']);
    expect((await w.call(stranger, 'GET', url)).statusCode).toBe(404);
    expect(codeOf(await appeal(stranger))).toEqual([404, 'NOT_FOUND']);
    const appealed = await appeal(applicant);
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json().status).toBe('appealed');
  });
});

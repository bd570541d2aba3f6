import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { otherHub, paidInFullAward } from '../../test/review-factories.js';
import { addMonths } from '../reviews/index.js';
import { addDays } from './dates.js';
import { checkHubObligations } from './monitoring.service.js';
import { localToday } from '../../platform/hub-time.js';
import { outcomeReportsObligation } from '../../test/obligation-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const reports = outcomeReportsObligation(24);
const atNoon = (date: string) => new Date(`${date}T04:00:00Z`);

describe('outcome reports', () => {
  it('the awardee submits each yearly report once; a submitted report is never a finding, a missing one is', async () => {
    const w = await paidInFullAward(ctx, [reports]);
    const started = localToday(w.hub.timeZone);
    expect((await w.call(w.officer, 'POST', '/obligation-checks')).json()).toMatchObject({ obligations: 1 });

    const listed = await w.call(w.founder, 'GET', w.at('/outcome-reports'));
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ obligationKey: 'reports', dueOn: addMonths(started, 12), status: 'upcoming', canSubmit: true, text: null }),
      expect.objectContaining({ obligationKey: 'reports', dueOn: addMonths(started, 24), status: 'upcoming', canSubmit: true }),
    ]);
    const first = `/outcome-reports/reports/${addMonths(started, 12)}`;

    // Bad input: 400 with the field, nothing saved.
    for (const body of [{ text: '' }, { text: 'ok\u0000' }, { text: 'ok', figures: { revenue: '-5' } }, { text: 'ok', extra: 1 }]) {
      const bad = await w.call(w.founder, 'POST', w.at(first), body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await w.call(w.founder, 'POST', w.at('/outcome-reports/reports/2001-01-01'), { text: 'ok' })).statusCode).toBe(404);

    // Staff read but do not write the awardee's report; strangers and other hubs see nothing.
    expect((await w.call(w.officer, 'GET', w.at('/outcome-reports'))).json().items[0].canSubmit).toBe(false);
    expect((await w.call(w.officer, 'POST', w.at(first), { text: 'ok' })).statusCode).toBe(403);
    const stranger = await createTestUser(ctx, { hub: w.hub });
    expect((await w.call(stranger, 'GET', w.at('/outcome-reports'))).statusCode).toBe(404);
    expect((await w.call(stranger, 'POST', w.at(first), { text: 'ok' })).statusCode).toBe(404);
    const other = await otherHub(ctx);
    const outsider = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    for (const url of [
      `/api/hubs/${w.hub.slug}/applications/${w.application.id}/outcome-reports`,
      `/api/hubs/${other.slug}/applications/${w.application.id}/outcome-reports`,
    ])
      expect((await ctx.app.inject(as(outsider, { method: 'GET', url }))).statusCode, url).toBe(404);

    // Submitted once, with figures; twice at once: one wins, the other is 409.
    const body = { text: 'Hired 12 engineers; first customer in Suzhou.', figures: { headcount: 40, revenue: '350000000', fundingRaised: '0' } };
    const both = await Promise.all([w.call(w.founder, 'POST', w.at(first), body), w.call(w.founder, 'POST', w.at(first), body)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('REPORT_SUBMITTED');
    const after = (await w.call(w.officer, 'GET', w.at('/outcome-reports'))).json().items;
    expect(after[0]).toMatchObject({ status: 'submitted', text: body.text, figures: body.figures, submittedAt: expect.any(String) });

    // Thirty-one days after the second due date: the missing second report is a finding, the submitted first is not.
    const late = atNoon(addDays(addMonths(started, 24), 31));
    expect(await checkHubObligations(ctx.database.db, w.hub, late)).toMatchObject({ findings: 1 });
    const findings = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items;
    expect(findings).toHaveLength(1);
    expect(findings[0].evidence).toMatchObject({ kind: 'report', detail: { dueOn: addMonths(started, 24) } });
    expect(await checkHubObligations(ctx.database.db, w.hub, late)).toMatchObject({ findings: 0 });
  });
});

describe('outcome report reminders', () => {
  const reminders = async (w: Awaited<ReturnType<typeof paidInFullAward>>) =>
    (await w.call(w.founder, 'GET', '/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'obligation_report_due');

  it('reminds the awardee in the app fourteen days before a report is due, once, and never for a report already submitted', async () => {
    const w = await paidInFullAward(ctx, [reports]);
    const started = localToday(w.hub.timeZone);
    expect((await w.call(w.officer, 'POST', '/obligation-checks')).json()).toMatchObject({ obligations: 1, reminders: 0 });
    const firstDue = addMonths(started, 12);
    const secondDue = addMonths(started, 24);

    // Fifteen days ahead: too early, nothing sent.
    expect(await checkHubObligations(ctx.database.db, w.hub, atNoon(addDays(firstDue, -15)))).toMatchObject({ reminders: 0 });
    expect(await reminders(w)).toEqual([]);

    // Fourteen days ahead: one reminder for the first report, in the awardee's bell.
    expect(await checkHubObligations(ctx.database.db, w.hub, atNoon(addDays(firstDue, -14)))).toMatchObject({ reminders: 1 });
    const sent = await reminders(w);
    expect(sent).toEqual([
      expect.objectContaining({ subjectType: 'application', subjectId: w.application.id, payload: { key: 'reports', dueOn: firstDue }, read: false }),
    ]);
    // Nobody else was told.
    expect((await w.call(w.officer, 'GET', '/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'obligation_report_due')).toEqual([]);

    // The job runs again the same day (later that evening, hub time), and on the following days: nothing more.
    expect(await checkHubObligations(ctx.database.db, w.hub, new Date(`${addDays(firstDue, -14)}T15:00:00Z`))).toMatchObject({ reminders: 0 });
    expect(await checkHubObligations(ctx.database.db, w.hub, atNoon(addDays(firstDue, -13)))).toMatchObject({ reminders: 0 });
    expect(await checkHubObligations(ctx.database.db, w.hub, atNoon(firstDue))).toMatchObject({ reminders: 0 });
    expect(await reminders(w)).toHaveLength(1);

    // The second report is submitted early: when it comes within fourteen days, no reminder.
    const submitted = await w.call(w.founder, 'POST', w.at(`/outcome-reports/reports/${secondDue}`), { text: 'Submitted ahead of time.' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await checkHubObligations(ctx.database.db, w.hub, atNoon(addDays(secondDue, -14)))).toMatchObject({ reminders: 0 });
    expect(await checkHubObligations(ctx.database.db, w.hub, atNoon(addDays(secondDue, -1)))).toMatchObject({ reminders: 0 });
    expect(await reminders(w)).toHaveLength(1);
  });
});

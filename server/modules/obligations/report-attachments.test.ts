import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { colleagueOf, memberOfAnotherCompany } from '../../test/colleague-factories.js';
import { PDF, PNG, uploadAs, ZIP } from '../../test/file-factories.js';
import { as, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { otherHub, paidInFullAward } from '../../test/review-factories.js';
import { addMonths } from '../reviews/index.js';
import { localToday } from '../../platform/hub-time.js';
import { outcomeReportsObligation } from '../../test/obligation-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const reports = outcomeReportsObligation(12);

describe('files attached to an outcome report', () => {
  it('the awardee attaches their own files only; staff see them and download them', async () => {
    const w = await paidInFullAward(ctx, [reports]);
    await w.call(w.officer, 'POST', '/obligation-checks');
    const path = w.at(`/outcome-reports/reports/${addMonths(localToday(w.hub.timeZone), 12)}`);
    const upload = async (user: TestUser) => (await uploadAs(ctx, w.hub, user, PDF, 'audited-statement.pdf')).json().id as string;
    const own = await upload(w.founder);
    const stranger = await createTestUser(ctx, { hub: w.hub });
    const theirs = await upload(stranger);

    const refused = await w.call(w.founder, 'POST', path, { text: 'Revenue doubled', attachments: [theirs] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'attachments.0', code: 'FILE_NOT_FOUND' }] });
    expect((await w.call(w.founder, 'GET', w.at('/outcome-reports'))).json().items[0]).toMatchObject({ status: 'upcoming', attachments: [] });

    const sent = await w.call(w.founder, 'POST', path, { text: 'Revenue doubled', attachments: [own] });
    expect(sent.statusCode, sent.body).toBe(200);
    const attached = { id: own, name: 'audited-statement.pdf', mediaType: 'application/pdf', size: PDF.length };
    expect(sent.json().attachments).toEqual([attached]);
    expect((await w.call(w.officer, 'GET', w.at('/outcome-reports'))).json().items[0]).toMatchObject({ status: 'submitted', attachments: [attached] });
    const download = (user: TestUser) => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${w.hub.slug}/files/${own}` }));
    expect((await download(w.officer)).statusCode).toBe(200);
    expect((await download(stranger)).statusCode).toBe(404);
  });

  it('a second member of the awardee company downloads them through the report; strangers and files it does not carry get 404', async () => {
    const w = await paidInFullAward(ctx, [reports]);
    await w.call(w.officer, 'POST', '/obligation-checks');
    const dueOn = addMonths(localToday(w.hub.timeZone), 12);
    const statement = (await uploadAs(ctx, w.hub, w.founder, PDF, '2027 年度报告.pdf')).json().id as string;
    const notAttached = (await uploadAs(ctx, w.hub, w.founder, PNG, 'draft.png', 'image/png')).json().id as string;
    const sent = await w.call(w.founder, 'POST', w.at(`/outcome-reports/reports/${dueOn}`), { text: 'Revenue doubled', attachments: [statement] });
    expect(sent.statusCode, sent.body).toBe(200);
    const colleague = await colleagueOf(ctx, w.hub, w.founder, w.org.id);
    const stranger = await memberOfAnotherCompany(ctx, w.hub);
    const url = (id: string, hub = w.hub, due = dueOn) => `/api/hubs/${hub.slug}/applications/${w.application.id}/outcome-reports/reports/${due}/files/${id}`;
    const get = (user: TestUser, path: string) => ctx.app.inject(as(user, { method: 'GET', url: path }));

    expect((await get(colleague, `/api/hubs/${w.hub.slug}/files/${statement}`)).statusCode).toBe(404);
    for (const reader of [colleague, w.officer]) {
      const got = await get(reader, url(statement));
      expect(got.statusCode, got.body).toBe(200);
      expect(got.rawPayload.equals(PDF)).toBe(true);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toBe(`attachment; filename="file"; filename*=UTF-8''${encodeURIComponent('2027 年度报告.pdf')}`);
      expect(got.headers['cache-control']).toBe('private, no-store');
    }
    const { rows } = await ctx.database.db.execute(
      sql`SELECT subject_type, subject_id, payload->'fields' AS fields FROM audit_events WHERE hub_id = ${w.hub.id} AND action = 'personal.read' AND actor_id = ${colleague.id}`,
    );
    expect(rows).toEqual([{ subject_type: 'file', subject_id: statement, fields: ['content'] }]);

    expect((await get(stranger, url(statement))).statusCode).toBe(404);
    expect((await get(colleague, url(notAttached))).statusCode).toBe(404);
    expect((await get(w.founder, url(notAttached))).statusCode).toBe(404);
    expect((await get(colleague, url(statement, w.hub, addMonths(dueOn, 12)))).statusCode).toBe(404);
    const elsewhere = await otherHub(ctx);
    const outsider = await createTestUser(ctx, { hub: elsewhere, roles: ['program_officer'] });
    expect((await get(outsider, url(statement, elsewhere))).statusCode).toBe(404);
  });

  it('a file of a type reports do not carry is 400 WRONG_FILE_TYPE at its index; nothing is stored', async () => {
    const w = await paidInFullAward(ctx, [reports]);
    await w.call(w.officer, 'POST', '/obligation-checks');
    const path = w.at(`/outcome-reports/reports/${addMonths(localToday(w.hub.timeZone), 12)}`);
    const pdf = (await uploadAs(ctx, w.hub, w.founder, PDF, 'statement.pdf')).json().id as string;
    const zip = (await uploadAs(ctx, w.hub, w.founder, ZIP, 'statement.pdf', 'application/pdf')).json();
    expect(zip.mediaType).toBe('application/zip');

    const refused = await w.call(w.founder, 'POST', path, { text: 'Revenue doubled', attachments: [pdf, zip.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'attachments.1', code: 'WRONG_FILE_TYPE' }] });
    const { rows } = await ctx.database.db.execute(
      sql`SELECT submitted_at, attachments::text[] AS attachments FROM obligation_reports WHERE hub_id = ${w.hub.id} AND application_id = ${w.application.id}`,
    );
    expect(rows).toEqual([{ submitted_at: null, attachments: [] }]);
    expect((await w.call(w.founder, 'GET', w.at('/outcome-reports'))).json().items[0]).toMatchObject({ status: 'upcoming', attachments: [] });
  });
});

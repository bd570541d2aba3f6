import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { PDF, PNG, uploadAs, ZIP } from '../../test/file-factories.js';
import { as, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { awardInPayment, otherHub } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Attached = { id: string; name: string; mediaType: string; size: number };

describe('files attached to a milestone report', () => {
  it('the awardee attaches their own files; the officer and the awardee see and download them; strangers do not', async () => {
    const w = await awardInPayment(ctx, []);
    const upload = async (user: TestUser, content: Buffer, name: string, hub = w.hub) => {
      const res = await uploadAs(ctx, hub, user, content, name, name.endsWith('.png') ? 'image/png' : 'application/pdf');
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const statement = await upload(w.founder, PDF, '财务报表 2026.pdf');
    const photo = await upload(w.founder, PNG, 'prototype.png');
    const stranger = await createTestUser(ctx, { hub: w.hub });
    const strangers = await upload(stranger, PDF, 'theirs.pdf');
    const officers = await upload(w.officer, PDF, 'officer.pdf');
    const elsewhere = await otherHub(ctx);
    const ownInOtherHub = await upload(w.founder, PDF, 'other-hub.pdf', elsewhere);
    const report = (attachments: unknown) =>
      w.call(w.founder, 'POST', w.at('/milestones/midterm/report'), { text: 'Prototype delivered', kpis: { robots: 3 }, attachments });
    const reportState = async () =>
      (
        await ctx.database.db.execute(
          sql`SELECT status, attachments::text[] AS attachments FROM milestone_reports WHERE hub_id = ${w.hub.id} AND application_id = ${w.application.id}`,
        )
      ).rows;

    // Another person's file, another hub's file and an id of no file get the same answer: the index at fault, nothing saved.
    const never = '01890000-0000-7000-8000-000000000000';
    const answers = [];
    for (const foreign of [strangers, officers, ownInOtherHub, never]) {
      const res = await report([statement, foreign]);
      expect(res.statusCode, foreign).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'attachments.1', code: 'FILE_NOT_FOUND' }] });
      answers.push(res.json().error);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const tooMany = await report(Array.from({ length: 11 }, () => statement));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toEqual([expect.objectContaining({ path: 'attachments' })]);
    expect((await report(['not-a-file'])).json().error.fields).toEqual([expect.objectContaining({ path: 'attachments.0' })]);
    expect(await reportState()).toEqual([{ status: 'due', attachments: [] }]);

    // Own files: kept once each, in the order given; text-only reports still work without the field.
    const sent = await report([statement, photo, statement]);
    expect(sent.statusCode, sent.body).toBe(200);
    const expected: Attached[] = [
      { id: statement, name: '财务报表 2026.pdf', mediaType: 'application/pdf', size: PDF.length },
      { id: photo, name: 'prototype.png', mediaType: 'image/png', size: PNG.length },
    ];
    expect(sent.json().milestones[0]).toMatchObject({ status: 'submitted', attachments: expected });

    // The officer reviewing it sees the same list and downloads each file; so does the awardee.
    const officerView = (await w.call(w.officer, 'GET', w.at('/award'))).json();
    expect(officerView.milestones[0].attachments).toEqual(expected);
    expect(officerView.allowedActions).toContain('reviewMilestone');
    const download = (user: TestUser, id: string, hub = w.hub) => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/files/${id}` }));
    for (const reader of [w.officer, w.founder]) {
      const got = await download(reader, statement);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(PDF)).toBe(true);
      expect(got.headers['content-disposition']).toContain(encodeURIComponent('财务报表 2026.pdf'));
    }
    // Nobody else: a person of the hub, a stranger to it, another hub's staff.
    expect((await download(stranger, statement)).statusCode).toBe(404);
    expect((await w.call(stranger, 'GET', w.at('/award'))).statusCode).toBe(404);
    const outsider = await createTestUser(ctx, { hub: elsewhere, roles: ['program_officer'] });
    expect((await download(outsider, statement, elsewhere)).statusCode).toBe(404);

    // Returned, then sent again: the new list replaces the old one.
    const returned = await w.call(w.officer, 'POST', w.at('/milestones/midterm/review'), { outcome: 'return', note: 'Add the bank statement' });
    expect(returned.json().milestones[0]).toMatchObject({ status: 'returned', attachments: expected });
    const again = await report([photo]);
    expect(again.json().milestones[0]).toMatchObject({ status: 'submitted', attachments: [expected[1]] });
    expect(await reportState()).toEqual([{ status: 'submitted', attachments: [photo] }]);
    const { rows } = await ctx.database.db.execute(
      sql`SELECT payload->'attachments' AS attachments FROM audit_events WHERE hub_id = ${w.hub.id} AND action = 'milestone.submitted' ORDER BY seq`,
    );
    expect(rows).toEqual([{ attachments: [statement, photo] }, { attachments: [photo] }]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('a file of a type reports do not carry is 400 WRONG_FILE_TYPE at its index; the report stays unsent', async () => {
    const w = await awardInPayment(ctx, []);
    const pdf = (await uploadAs(ctx, w.hub, w.founder, PDF, 'statement.pdf')).json().id as string;
    const zip = (await uploadAs(ctx, w.hub, w.founder, ZIP, 'photos.zip', 'application/zip')).json().id as string;
    const res = await w.call(w.founder, 'POST', w.at('/milestones/midterm/report'), { text: 'Prototype delivered', kpis: {}, attachments: [pdf, pdf, zip] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'attachments.2', code: 'WRONG_FILE_TYPE' }] });
    const { rows } = await ctx.database.db.execute(
      sql`SELECT status, attachments::text[] AS attachments FROM milestone_reports WHERE hub_id = ${w.hub.id} AND application_id = ${w.application.id}`,
    );
    expect(rows).toEqual([{ status: 'due', attachments: [] }]);
  });
});

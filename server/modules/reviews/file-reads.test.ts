import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { colleagueOf, memberOfAnotherCompany } from '../../test/colleague-factories.js';
import { organizationInput } from '../../test/factories.js';
import { PDF, PNG, uploadAs } from '../../test/file-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { contractAnswers, voucherWithScanDraft } from '../../test/program-factories.js';
import { awardInPayment, otherHub } from '../../test/review-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const get = (user: TestUser, url: string) => ctx.app.inject(as(user, { method: 'GET', url }));
const upload = async (hub: HubRow, user: TestUser, content: Buffer, name: string) => {
  const res = await uploadAs(ctx, hub, user, content, name, name.endsWith('.png') ? 'image/png' : 'application/pdf');
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

/** The download answered the stored bytes, as `downloadFile` answers them. */
function expectFile(res: Awaited<ReturnType<typeof get>>, content: Buffer, name: string, type: string) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.rawPayload.equals(content)).toBe(true);
  expect(res.headers['content-type']).toBe(type);
  expect(res.headers['content-disposition']).toBe(`attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`);
  expect(res.headers['cache-control']).toBe('private, no-store');
}

const fileReads = async (hubId: string, actorId: string) =>
  (
    await ctx.database.db.execute(
      sql`SELECT subject_type, subject_id, payload->'fields' AS fields FROM audit_events WHERE hub_id = ${hubId} AND action = 'personal.read' AND actor_id = ${actorId} ORDER BY seq`,
    )
  ).rows;

describe('files a milestone report carries, through the report', () => {
  it('a second member of the awardee company downloads them; strangers, files the report does not carry and other hubs get 404', async () => {
    const w = await awardInPayment(ctx, []);
    const statement = await upload(w.hub, w.founder, PDF, '财务报表 2026.pdf');
    const notAttached = await upload(w.hub, w.founder, PNG, 'draft.png');
    const sent = await w.call(w.founder, 'POST', w.at('/milestones/midterm/report'), { text: 'Prototype delivered', kpis: {}, attachments: [statement] });
    expect(sent.statusCode, sent.body).toBe(200);
    const colleague = await colleagueOf(ctx, w.hub, w.founder, w.org.id);
    const stranger = await memberOfAnotherCompany(ctx, w.hub);
    const url = (id: string, hub = w.hub, key = 'midterm') => `/api/hubs/${hub.slug}/applications/${w.application.id}/milestones/${key}/report/files/${id}`;

    // The link the report shows works for the colleague, though the file is not theirs.
    expect((await get(colleague, `/api/hubs/${w.hub.slug}/files/${statement}`)).statusCode).toBe(404);
    expectFile(await get(colleague, url(statement)), PDF, '财务报表 2026.pdf', 'application/pdf');
    expectFile(await get(w.officer, url(statement)), PDF, '财务报表 2026.pdf', 'application/pdf');
    expect(await fileReads(w.hub.id, colleague.id)).toEqual([{ subject_type: 'file', subject_id: statement, fields: ['content'] }]);

    // Someone who may not read the award learns nothing of it.
    expect((await get(stranger, url(statement))).statusCode).toBe(404);
    // A file of the hub the report does not carry: 404 even for its uploader and a member.
    expect((await get(colleague, url(notAttached))).statusCode).toBe(404);
    expect((await get(w.founder, url(notAttached))).statusCode).toBe(404);
    // A milestone with no such report, another hub's address.
    expect((await get(colleague, url(statement, w.hub, 'final'))).statusCode).toBe(404);
    const elsewhere = await otherHub(ctx);
    const outsider = await createTestUser(ctx, { hub: elsewhere, roles: ['program_officer'] });
    expect((await get(outsider, url(statement, elsewhere))).statusCode).toBe(404);
    expect(await fileReads(w.hub.id, stranger.id)).toEqual([]);
  });
});

/** A published compute voucher whose form asks for a PDF scan of the contract; a founder's company. */
async function voucherWithScan() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: voucherWithScanDraft() }))).json();
  await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));
  const founder = await createTestUser(ctx);
  const org = (
    await ctx.app.inject(
      as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
    )
  ).json();
  return { hub, officer, founder, org, program };
}

describe('files an application’s answers name, through the application', () => {
  it('a second member of the applicant company downloads the scan; strangers, other files and other hubs get 404', async () => {
    const { hub, officer, founder, org, program } = await voucherWithScan();
    const scan = await upload(hub, founder, PDF, 'contract scan.pdf');
    const notAnswered = await upload(hub, founder, PDF, 'other.pdf');
    const applied = await ctx.app.inject(
      as(founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
        payload: { organizationId: org.id, answers: { ...contractAnswers('1000'), contract_scan: scan } },
      }),
    );
    expect(applied.statusCode, applied.body).toBe(201);
    const applicationId = applied.json().id as string;
    const colleague = await colleagueOf(ctx, hub, founder, org.id);
    const stranger = await memberOfAnotherCompany(ctx, hub);
    const url = (id: string, at = hub) => `/api/hubs/${at.slug}/applications/${applicationId}/files/${id}`;

    expect((await get(colleague, `/api/hubs/${hub.slug}/files/${scan}`)).statusCode).toBe(404);
    expectFile(await get(colleague, url(scan)), PDF, 'contract scan.pdf', 'application/pdf');
    expectFile(await get(officer, url(scan)), PDF, 'contract scan.pdf', 'application/pdf');
    expectFile(await get(founder, url(scan)), PDF, 'contract scan.pdf', 'application/pdf');
    expect(await fileReads(hub.id, colleague.id)).toEqual([{ subject_type: 'file', subject_id: scan, fields: ['content'] }]);

    expect((await get(stranger, url(scan))).statusCode).toBe(404);
    expect((await get(colleague, url(notAnswered))).statusCode).toBe(404);
    expect((await get(founder, url(notAnswered))).statusCode).toBe(404);
    const elsewhere = await otherHub(ctx);
    const outsider = await createTestUser(ctx, { hub: elsewhere, roles: ['program_officer'] });
    expect((await get(outsider, url(scan, elsewhere))).statusCode).toBe(404);
    expect(await fileReads(hub.id, stranger.id)).toEqual([]);
  });
});

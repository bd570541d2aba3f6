import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';
import { packageValidator } from './fixtures/package-validator.js';

type Grant = {
  id: string;
  amountAwarded: number;
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string }[];
  commitmentTransaction: { value: number }[];
  disbursementTransaction: { value: number }[];
};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const sum = (xs: { value: number }[]) => Math.round(xs.reduce((s, x) => s + x.value * 100, 0)) / 100;

/** A reviewed CNY 1 m grant, approved (40% paid with the award) and then paid in full. */
async function paidGrant() {
  const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 } });
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
  await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
  expect((await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' })).json().status).toBe('in_payment');
  return w;
}

describe('exportOpenData', () => {
  it('signed out, the hub’s awards as a 360Giving package valid against the standard’s schema, with ledger transactions that add up', async () => {
    const w = await paidGrant();
    const open = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data`, headers: { 'accept-language': 'en-US' } });
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toMatch(/^application\/json/);
    const pkg = open.json() as { grants: Grant[]; description: string };
    const validate = packageValidator();
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);

    const prefix = `DG-${w.hub.slug.toUpperCase()}`;
    expect(pkg.grants).toHaveLength(1);
    const [grant] = pkg.grants;
    expect(grant!.id).toMatch(new RegExp(`^360G-${prefix}-[A-Z]{2,4}-\\d{4}-\\d{6}$`));
    expect(grant).toMatchObject({ currency: 'CNY', amountAwarded: 1_000_000, title: 'Major R&D grant', fundingOrganization: [{ id: prefix }] });
    expect(grant!.recipientOrganization[0]!.id).toMatch(/^CN-USCC-[0-9A-Z]{18}$/);
    // The validator bites: a grant without its recipient is refused.
    expect(validate({ grants: [{ ...grant, recipientOrganization: undefined }] })).toBe(false);
    expect(new Set(pkg.grants.map((g) => g.id)).size).toBe(pkg.grants.length);
    // An award is the roll-up of its transactions: the commitment equals the amount; 40% paid with the award.
    expect(sum(grant!.commitmentTransaction)).toBe(grant!.amountAwarded);
    expect(sum(grant!.disbursementTransaction)).toBe(400_000);

    // Paid in full: the second tranche appears as a disbursement.
    expect((await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'report accepted on paper' })).json()).toMatchObject({ status: 'closed' });
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data` })).json() as { grants: Grant[] };
    expect(validate(after)).toBe(true);
    expect(sum(after.grants[0]!.disbursementTransaction)).toBe(1_000_000);
    expect(after.grants[0]!.disbursementTransaction).toHaveLength(2);
  });

  it('the summary CSV and XLSX with 360Giving column titles; zh-CN names; an unknown hub 404; a bad format 400', async () => {
    const w = await paidGrant();
    const csv = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data?format=csv`, headers: { 'accept-language': 'zh-CN' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('"Identifier","Title","Description","Currency","Amount Awarded"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"重大研发项目资助"');
    expect(lines[1]).toContain('"1000000"');
    // A link names its page's language (`lang`), which wins over the browser's.
    const english = await ctx.app.inject({
      method: 'GET',
      url: `/api/hubs/${w.hub.slug}/open-data?format=csv&lang=en-US`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(english.body).toContain('"Major R&D grant"');
    expect(english.body).not.toContain('重大研发项目资助');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data?lang=fr-FR` })).statusCode).toBe(400);
    const xlsx = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const sheet = book.getWorksheet('grants')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(1).value).toBe('Identifier');
    expect(sheet.getRow(2).getCell(5).value).toBe(1_000_000);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^360G-DG-/);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/hubs/no-such-hub/open-data' })).statusCode).toBe(404);
    const bad = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data?format=pdf` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

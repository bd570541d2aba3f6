import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { reviewedWorld } from '../../test/review-factories.js';
import { findHub, forgetHubs } from '../../platform/tenancy/tenancy.js';
import { openDataCsv, openDataJson } from './open-data-export.js';
import { openDataPackage } from './open-data.service.js';
import { tableCsv } from './tables.js';
import { threeSixtyGivingTable } from './three-sixty-giving.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const get = (url: string, lang = 'en-US') => ctx.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

/** A reviewed CNY 1 m grant approved (40% paid with the award), and another application still under review. */
async function publicWorld() {
  const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 } });
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
  await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
  expect((await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' })).json().status).toBe('in_payment');

  // A second startup applies and is still under review: never public.
  const founder2 = await createTestUser(ctx);
  const eco2 = ecosystemBuilder(ctx, w.hub, founder2);
  const pending = await eco2.org({ kind: 'startup', sectors: ['ai'] });
  const applied = await w.call(founder2, 'POST', `/programs/${w.program.id}/applications`, {
    organizationId: pending.id,
    answers: { plan: 'Not yet decided' },
  });
  expect(applied.statusCode, applied.body).toBe(201);

  return { ...w, pendingOrg: pending };
}

describe('getPublicBudget and listPublicAwards', () => {
  it('signed out: the envelope, lines and programs add up; awards list only approved awards to organisations; another hub 404', async () => {
    const w = await publicWorld();
    const budget = await get(`/api/hubs/${w.hub.slug}/public/budget`);
    expect(budget.statusCode, budget.body).toBe(200);
    const b = budget.json();
    expect(b.year).toBe(2026);
    expect(b.years).toEqual([2026]);
    const line = b.lines.find((l: { code: string }) => l.code === 'rd-grants');
    expect(line).toMatchObject({ committed: '60000000', disbursed: '40000000' });
    expect(BigInt(line.funded)).toBe(BigInt(line.free) + 100_000_000n);
    expect(b.programs).toEqual([
      { id: w.program.id, name: { zh: '重大研发项目资助', en: 'Major R&D grant' }, line: 'rd-grants', awards: 1, awarded: '100000000', disbursed: '40000000' },
    ]);
    expect(b.disbursed).toBe('40000000');
    // Live: paying the second tranche shows at once.
    expect((await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'report accepted on paper' })).statusCode).toBe(200);
    const after = (await get(`/api/hubs/${w.hub.slug}/public/budget?year=2026`)).json();
    expect(after.programs[0].disbursed).toBe('100000000');
    expect(after.lines.find((l: { code: string }) => l.code === 'rd-grants').free).toBe(line.free);

    const awards = await get(`/api/hubs/${w.hub.slug}/public/awards`);
    expect(awards.statusCode).toBe(200);
    const page = awards.json();
    expect(page.next).toBeNull();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      program: { id: w.program.id, name: { en: 'Major R&D grant' } },
      amount: '100000000',
      status: 'closed',
      recipient: { uscc: expect.stringMatching(/^[0-9A-Z]{18}$/) },
      grantId: expect.stringMatching(new RegExp(`^360G-DG-${w.hub.slug.toUpperCase()}-`)),
    });
    expect(page.items[0].awardedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(page)).not.toContain(w.pendingOrg.id);

    expect((await get(`/api/hubs/${w.hub.slug}/public/budget?year=2031`)).statusCode).toBe(404);
    expect((await get('/api/hubs/no-such-hub/public/awards')).statusCode).toBe(404);
    // A program of another hub named in the filter is unknown here: 404 under `program`, never an empty page.
    const other = await createTestHub(ctx);
    const foreign = await get(`/api/hubs/${other.slug}/public/awards?program=${w.program.id}`);
    expect([foreign.statusCode, foreign.json().error?.fields?.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)]).toEqual([
      404,
      ['program:NOT_IN_HUB'],
    ]);
    expect((await get(`/api/hubs/${w.hub.slug}/public/awards?program=${w.program.id}`)).json().items).toHaveLength(1);
    const empty = (await get(`/api/hubs/${other.slug}/public/budget`)).json();
    expect(empty).toMatchObject({ year: null, years: [], lines: [], programs: [], individuals: { count: 0, amount: '0' } });
  });

  it('pages by cursor without repeats; awards to individuals are counted and summed, never listed or named', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n, allowances: 1_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const voucher = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft() }))).json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${voucher.id}/publish` }));
    // A new startup applies for the voucher and is approved at once.
    const startupAwarded = async (contract: string) => {
      const founder = await createTestUser(ctx);
      const org = await ecosystemBuilder(ctx, hub, founder).org({ kind: 'startup', sectors: ['ai'] });
      const applied = await ctx.app.inject(
        as(founder, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs/${voucher.id}/applications`,
          payload: { organizationId: org.id, answers: { contract_number: contract, contract_amount: '1000000', chips: 'domestic' } },
        }),
      );
      expect(applied.json().status, applied.body).toBe('approved');
    };
    for (let i = 0; i < 5; i++) await startupAwarded(`C-${i}`);
    const allowance = (
      await ctx.app.inject(
        as(officer, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs`,
          payload: computeVoucherDraft({
            name: { zh: '生活补贴', en: 'Living allowance' },
            kind: 'talent_allowance',
            budgetLine: 'allowances',
            claimField: undefined,
            rules: { applicantType: 'person', mode: 'rule_only', form: [], criteria: [], benefit: { type: 'fixed', amount: '1000000' } },
          } as never),
        }),
      )
    ).json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${allowance.id}/publish` }));
    const talent = await createTestUser(ctx);
    const person = await ecosystemBuilder(ctx, hub, officer).person({ talentTier: 'B' });
    await ctx.database.db.execute(sql`UPDATE people SET user_id = ${talent.id} WHERE hub_id = ${hub.id} AND id = ${person.id}`);
    const claimed = await ctx.app.inject(
      as(talent, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${allowance.id}/applications`, payload: { answers: {} } }),
    );
    expect(claimed.json().status, claimed.body).toBe('approved');

    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res = await get(`/api/hubs/${hub.slug}/public/awards?limit=2${next ? `&next=${next}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: { number: string; program: { id: string } }[]; next: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.number));
      expect(page.items.every((a) => a.program.id === voucher.id)).toBe(true);
      next = page.next;
    } while (next);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    // The export, read two awards at a time, is the same as read at once: every award once, in
    // order, the individual counted; the streamed JSON and CSV are the whole package's text.
    const hubRow = await findHub(ctx.database.db, hub.slug);
    const whole = await openDataPackage(ctx.database.db, hubRow, 'en-US');
    expect(whole.grants.map((g) => g.id.split('-').slice(-3).join('-')).sort()).toEqual([...seen].sort());
    expect(whole.description).toMatch(/^1 award\(s\) to individuals \(CNY 10000 in all\)/);
    expect(await openDataPackage(ctx.database.db, hubRow, 'en-US', 2)).toEqual(whole);
    const text = async (chunks: AsyncIterable<string>) => {
      let all = '';
      for await (const chunk of chunks) all += chunk;
      return all;
    };
    expect(await text(openDataJson(ctx.database.db, hubRow, 'en-US', 2))).toBe(JSON.stringify(whole));
    expect((await get(`/api/hubs/${hub.slug}/open-data`)).body).toBe(JSON.stringify(whole));
    expect(await text(openDataCsv(ctx.database.db, hubRow, 'en-US', 2))).toBe(tableCsv(threeSixtyGivingTable(whole)));

    // An award made while the export streams is not in it: every batch reads one snapshot.
    const streaming = openDataJson(ctx.database.db, hubRow, 'en-US', 2);
    let streamed = (await streaming.next()).value as string; // the head
    streamed += (await streaming.next()).value as string; // the first two grants
    await startupAwarded('C-late');
    streamed += await text(streaming);
    expect(streamed).toBe(JSON.stringify(whole));
    expect((await openDataPackage(ctx.database.db, hubRow, 'en-US')).grants).toHaveLength(whole.grants.length + 1);

    const b = (await get(`/api/hubs/${hub.slug}/public/budget`)).json();
    expect(b.individuals).toEqual({ count: 1, amount: '1000000' });
    expect(b.programs.find((p: { id: string }) => p.id === allowance.id)).toMatchObject({ awards: 1, awarded: '1000000', disbursed: '1000000' });
    expect(JSON.stringify(b)).not.toContain(person.id);
    const csv = await get(`/api/hubs/${hub.slug}/public/budget/export?format=csv`, 'zh-CN');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('"向个人发放的资助（不公开姓名）"');
    expect(csv.body).toContain('"资金总盘"');
    // A link names its page's language (`lang`): the column titles follow it, not Accept-Language.
    const english = await get(`/api/hubs/${hub.slug}/public/budget/export?format=csv&lang=en-US`, 'zh-CN');
    expect(english.body.split('\r\n')[0]).toMatch(/^"Year",/);
    expect(english.body).toContain('"Awards to individuals (not named)"');
    expect(english.body).not.toContain('资金总盘');
    const chinese = await get(`/api/hubs/${hub.slug}/public/budget/export?format=csv&lang=zh-CN`, 'en-US');
    expect(chinese.body).toContain('"资金总盘"');

    const xlsx = await get(`/api/hubs/${hub.slug}/public/budget/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const sheet = book.getWorksheet('budget')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Year');
    const values = sheet.getSheetValues().slice(2) as unknown[][];
    const individuals = values.find((r) => r[2] === 'Awards to individuals (not named)')!;
    expect([individuals[9], individuals[10]]).toEqual([1, 10_000]);
    expect((await get(`/api/hubs/${hub.slug}/public/budget/export?format=pdf`)).statusCode).toBe(400);
  });

  it('the open-data prefix is a hub setting: grant ids follow it', async () => {
    const w = await publicWorld();
    const admin = await createTestUser(ctx, { hub: w.hub, roles: ['hub_admin'] });
    const hub = (await w.call(admin, 'GET', '')).json();
    expect(hub.openDataPrefix).toBeNull();
    const { slug: _slug, archived: _archived, ...settings } = hub;
    const bad = await w.call(admin, 'PUT', '/settings', { ...settings, openDataPrefix: 'has space' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('openDataPrefix');
    const saved = await w.call(admin, 'PUT', '/settings', { ...settings, openDataPrefix: 'GB-GOR-HZ' });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    forgetHubs(ctx.database.db);
    const pkg = (await get(`/api/hubs/${w.hub.slug}/open-data`)).json();
    expect(pkg.grants[0].id).toMatch(/^360G-GB-GOR-HZ-/);
    expect((await get(`/api/hubs/${w.hub.slug}/public/awards`)).json().items[0].grantId).toMatch(/^360G-GB-GOR-HZ-/);
  });
});

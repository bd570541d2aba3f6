import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { commit, disburse } from './commitments.service.js';
import { yuanCell, yuanText } from './ledger-export.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const out: unknown[][] = [];
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return { sheet, header: out[0]!, data: out.slice(1) };
  };
  return { transfers: rows('transfers'), accounts: rows('accounts') };
}

describe('ledger XLSX export', () => {
  it('lists every transfer of the year and every account with totals that add up', async () => {
    const hub = await createTestHub(ctx);
    const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
    // Revenue 1,000,000,000 fen -> envelope 150,000,000; two lines, a commitment and a tranche.
    const { year, caller } = await fundedYear(ctx.database.db, hub, { compute: 100_000_000n, subsidy: 20_000_001n });
    const cause = { type: 'award', id: randomUUID() };
    const commitment = await withTransaction(
      ctx.database.db,
      (tx) => commit(tx, caller, { transferId: randomUUID(), year, lineCode: 'compute', amount: 5_000_000n, cause }),
      ledgerTx,
    );
    await withTransaction(
      ctx.database.db,
      (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: commitment.id, amount: 1_234_567n }),
      ledgerTx,
    );

    const res = await ctx.app.inject(as(finance, { method: 'GET', url: `/api/hubs/${hub.slug}/fiscal-years/${year}/ledger.xlsx` }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${hub.slug}-ledger-${year}.xlsx"`);

    const { transfers, accounts } = await readWorkbook(res.rawPayload);
    expect(transfers.header).toEqual([
      'Created at (UTC)',
      'Id',
      'Kind',
      'Reason',
      'Debit account',
      'Credit account',
      'Amount (fen)',
      'Amount (yuan)',
      'Pending id',
      'Cause type',
      'Cause id',
      'Note',
    ]);
    // allocate_envelope, two fund_line, commit (pending), the tranche (post_pending): oldest first.
    expect(transfers.data.map((r) => r[3])).toEqual(['allocate_envelope', 'fund_line', 'fund_line', 'commit', 'disburse']);
    const [allocate, , subsidy, pending, tranche] = transfers.data as unknown[][];
    expect(allocate!.slice(4, 8)).toEqual(['treasury', 'envelope', 150_000_000, 1_500_000]);
    expect(subsidy!.slice(4, 8)).toEqual(['envelope', 'subsidy', 20_000_001, 200_000.01]);
    expect(pending!.slice(2, 3)).toEqual(['pending']);
    expect(pending!.slice(9, 11)).toEqual(['award', cause.id]);
    expect(tranche!.slice(2, 3)).toEqual(['post_pending']);
    expect(tranche![8]).toBe(pending![1]);
    expect(tranche![6]).toBe(1_234_567);
    expect(String(allocate![0])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(transfers.sheet.getRow(2).getCell(7).numFmt).toBe('#,##0');
    expect(transfers.sheet.getRow(2).getCell(8).numFmt).toBe('#,##0.00');

    // Accounts: the four totals and available = credits posted - debits posted - debits pending.
    const byCode = new Map(accounts.data.map((r) => [r[0] as string, r]));
    expect([...byCode.keys()].sort()).toEqual([`award:award:${cause.id}`, 'compute', 'envelope', 'subsidy', 'treasury']);
    expect(byCode.get('envelope')!.slice(4, 9)).toEqual([0, 120_000_001, 0, 150_000_000, 29_999_999]);
    expect(byCode.get('compute')!.slice(4, 10)).toEqual([5_000_000 - 1_234_567, 1_234_567, 0, 100_000_000, 100_000_000 - 5_000_000, 950_000]);
    expect(byCode.get('treasury')!.slice(4, 9)).toEqual([0, 150_000_000, 0, 0, -150_000_000]);

    // Double entry: every transfer's amount sits once on a debit and once on a credit.
    const postedTotal = transfers.data.filter((t) => ['posted', 'post_pending'].includes(t[2] as string)).reduce((total, t) => total + (t[6] as number), 0);
    const column = (index: number) => accounts.data.reduce((total, r) => total + (r[index] as number), 0);
    expect(column(5)).toBe(postedTotal);
    expect(column(7)).toBe(postedTotal);
    expect(column(4)).toBe(column(6));
  });

  it('pages through more transfers than one batch', async () => {
    const hub = await createTestHub(ctx);
    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const { year, caller } = await fundedYear(ctx.database.db, hub, { hot: 10_000_000n });
    await withTransaction(
      ctx.database.db,
      async (tx) => {
        for (let i = 0; i < 2_100; i++)
          await commit(tx, caller, { transferId: randomUUID(), year, lineCode: 'hot', amount: 1n, cause: { type: 'award', id: `a${i}` } });
      },
      ledgerTx,
    );
    const res = await ctx.app.inject(
      as(auditor, { method: 'GET', url: `/api/hubs/${hub.slug}/fiscal-years/${year}/ledger.xlsx`, headers: { 'accept-language': 'zh-CN' } }),
    );
    expect(res.statusCode).toBe(200);
    const { transfers, accounts } = await readWorkbook(res.rawPayload);
    expect(transfers.header[0]).toBe('创建时间（UTC）');
    expect(transfers.data).toHaveLength(2 + 2_100);
    expect(new Set(transfers.data.map((r) => r[1])).size).toBe(2_102);
    const hot = accounts.data.find((r) => r[0] === 'hot')!;
    expect(hot[4]).toBe(2_100);

    // The link names its page's language (`lang`), which wins over Accept-Language.
    const english = await ctx.app.inject(
      as(auditor, { method: 'GET', url: `/api/hubs/${hub.slug}/fiscal-years/${year}/ledger.xlsx?lang=en-US`, headers: { 'accept-language': 'zh-CN' } }),
    );
    expect((await readWorkbook(english.rawPayload)).transfers.header[0]).toBe('Created at (UTC)');
  });

  it('answers 404 to applicants, other hubs and missing years, 401 when signed out', async () => {
    const hub = await createTestHub(ctx);
    const { year } = await fundedYear(ctx.database.db, hub, {});
    const applicant = await createTestUser(ctx);
    const foreign = await createTestUser(ctx, { hub: await createTestHub(ctx), roles: ['finance_officer'] });
    const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
    const get = (user: typeof applicant | null, y = year) =>
      ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/fiscal-years/${y}/ledger.xlsx` }));
    expect((await get(applicant)).statusCode).toBe(404);
    expect((await get(foreign)).statusCode).toBe(404);
    expect((await get(finance, 2031)).statusCode).toBe(404);
    expect((await get(finance, 2031)).json().error.code).toBe('NOT_FOUND');
    expect((await get(null)).statusCode).toBe(401);
  });
});

describe('yuan cells', () => {
  it('are exact decimal conversions of fen', () => {
    expect(yuanText(0n)).toBe('0.00');
    expect(yuanText(5n)).toBe('0.05');
    expect(yuanText(-12345n)).toBe('-123.45');
    expect(yuanCell(20_000_001n)).toBe(200_000.01);
    expect(yuanCell(12_345_678_901_234_567n)).toBe('123456789012345.67');
  });
});

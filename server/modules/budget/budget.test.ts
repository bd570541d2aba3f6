import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { sql } from 'drizzle-orm';
import { isCitus } from '../../db/citus/distribute.js';
import type { Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createBudgetLine } from './budget.service.js';
import { verifyLedger } from './ledger-verify.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function financeHub() {
  const hub = await createTestHub(ctx);
  const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
  const call = (method: 'GET' | 'POST', path: string, payload?: object, user = finance) =>
    ctx.app.inject(as(user, { method, url: `/api/hubs/${hub.slug}${path}`, ...(payload ? { payload } : {}) }));
  return { hub, finance, call };
}

describe('envelope and budget lines', () => {
  it('opens a year with 15% of revenue, funds lines and moves money between them', async () => {
    const { hub, call } = await financeHub();
    const opened = await call('POST', '/fiscal-years', { year: 2026, revenue: '200000000000' });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ year: 2026, envelope: '30000000000', unallocated: '30000000000', techShareBasisPoints: 1500 });
    expect((await call('POST', '/fiscal-years', { year: 2026, revenue: '1' })).json().error.code).toBe('FISCAL_YEAR_EXISTS');

    const line = (code: string, amount: string, transferId = randomUUID()) =>
      call('POST', '/fiscal-years/2026/lines', { code, name: { zh: code, en: code }, amount, transferId });
    expect((await line('compute-vouchers', '25000000000')).statusCode).toBe(201);
    const over = await line('startup-subsidy', '5000000001');
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'BUDGET_EXHAUSTED', fields: [{ path: 'amount' }] });
    const t = randomUUID();
    expect((await line('startup-subsidy', '5000000000', t)).statusCode).toBe(201);
    expect((await line('startup-subsidy', '5000000000', t)).statusCode).toBe(201); // a retry: same id, applied once

    const move = await call('POST', '/fiscal-years/2026/line-transfers', {
      transferId: randomUUID(),
      fromLine: 'compute-vouchers',
      toLine: 'startup-subsidy',
      amount: '1000000000',
      note: 'rebalance',
    });
    expect(move.statusCode).toBe(201);
    const envelope = (await call('GET', '/fiscal-years/2026/envelope')).json();
    expect(envelope.unallocated).toBe('0');
    expect(Object.fromEntries(envelope.lines.map((l: { code: string; free: string }) => [l.code, l.free]))).toEqual({
      'compute-vouchers': '24000000000',
      'startup-subsidy': '6000000000',
    });
    const tooMuch = await call('POST', '/fiscal-years/2026/line-transfers', {
      transferId: randomUUID(),
      fromLine: 'compute-vouchers',
      toLine: 'startup-subsidy',
      amount: '24000000001',
    });
    expect(tooMuch.json().error.code).toBe('BUDGET_EXHAUSTED');
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });

  it('opens a line once when several requests open it at once; a retry of its funding still answers 201', async () => {
    const { hub, call } = await financeHub();
    await call('POST', '/fiscal-years', { year: 2026, revenue: '100000' });
    const line = (code: string, transferId: string) =>
      call('POST', '/fiscal-years/2026/lines', { code, name: { zh: code, en: code }, amount: '100', transferId });
    const racing = await Promise.all(Array.from({ length: 6 }, () => line('dup-line', randomUUID())));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of racing.filter((x) => x.statusCode === 409)) expect(r.json().error).toMatchObject({ code: 'LINE_EXISTS', fields: [{ path: 'code' }] });
    // The same funding sent several times at once is one funding.
    const same = randomUUID();
    const retries = await Promise.all(Array.from({ length: 4 }, () => line('retried-line', same)));
    expect(retries.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect((await line('retried-line', randomUUID())).json().error.code).toBe('LINE_EXISTS');
    const fundings = ((await call('GET', '/fiscal-years/2026/transfers')).json().items as { reason: string; amount: string; creditAccount: { code: string } }[])
      .filter((t) => t.reason === 'fund_line')
      .map((t) => `${t.creditAccount.code} ${t.amount}`);
    expect(fundings.sort()).toEqual(['dup-line 100', 'retried-line 100']);
    expect((await call('GET', '/fiscal-years/2026/envelope')).json().unallocated).toBe('14800');
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });

  it('refuses a line opened by a request still in flight when this one started (LINE_EXISTS, not a second funding)', async () => {
    const hub = await createTestHub(ctx);
    const db = ctx.database.db;
    const { scope } = await fundedYear(db, hub, {});
    const open = (tx: Tx) => createBudgetLine(tx, scope, 2026, { code: 'raced', name: { zh: 'r', en: 'r' }, amount: '100', transferId: randomUUID() });
    // On Citus the wait is on the worker holding the hub's shard: every node's backends are in citus_stat_activity.
    const activity = (await isCitus(db)) ? sql`citus_stat_activity` : sql`pg_stat_activity`;
    const waiting = async () => (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${activity} WHERE wait_event_type = 'Lock'`)).rows[0]!.n;
    let second: Promise<unknown> = Promise.resolve();
    await withTransaction(
      db,
      async (tx) => {
        await open(tx);
        // The second request reads no line yet and waits on the first one's insert; then the first commits.
        second = withTransaction(db, open, ledgerTx).then(
          () => 'funded',
          (error: unknown) => error,
        );
        while ((await waiting()) === 0) await new Promise((r) => setImmediate(r));
      },
      ledgerTx,
    );
    expect(await second).toMatchObject({ code: 'LINE_EXISTS' });
    const { rows } = await db.execute(
      sql`SELECT t.id FROM ledger_transfers t JOIN ledger_accounts a ON a.hub_id = t.hub_id AND a.id = t.credit_account_id WHERE t.hub_id = ${hub.id} AND a.code = 'raced'`,
    );
    expect(rows).toHaveLength(1);
    expect(await verifyLedger(db, hub.id)).toEqual([]);
  });

  it('lists transfers with their reasons and reports balances as of a past moment', async () => {
    const { call } = await financeHub();
    await call('POST', '/fiscal-years', { year: 2027, revenue: '100000' });
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await call('POST', '/fiscal-years/2027/lines', { code: 'reserve', name: { zh: '储备', en: 'Reserve' }, amount: '15000', transferId: randomUUID() });
    const list = (await call('GET', '/fiscal-years/2027/transfers')).json();
    expect(list.items.map((t: { reason: string }) => t.reason)).toEqual(['fund_line', 'allocate_envelope']);
    const envelopeId = list.items[0].debitAccount.id;
    // Filtered by an account: its transfers; an account of another year or hub, or none, answers 404.
    expect((await call('GET', `/fiscal-years/2027/transfers?account=${envelopeId}`)).json().items).toHaveLength(2);
    const elsewhere = await financeHub();
    await elsewhere.call('POST', '/fiscal-years', { year: 2027, revenue: '100' });
    const foreignAccount = (await elsewhere.call('GET', '/fiscal-years/2027/transfers')).json().items[0].creditAccount.id;
    for (const account of [foreignAccount, randomUUID()]) {
      expect((await call('GET', `/fiscal-years/2027/transfers?account=${account}`)).statusCode).toBe(404);
    }
    const then = (await call('GET', `/ledger/accounts/${envelopeId}/balance?asOf=${encodeURIComponent(before)}`)).json();
    const now = (await call('GET', `/ledger/accounts/${envelopeId}/balance`)).json();
    expect([then.creditsPosted, then.debitsPosted]).toEqual(['15000', '0']);
    expect([now.creditsPosted, now.debitsPosted]).toEqual(['15000', '15000']);
  });

  it('pages transfers newest first by time, whatever ids callers chose', async () => {
    const { call } = await financeHub();
    await call('POST', '/fiscal-years', { year: 2028, revenue: '100000' });
    // Caller ids in descending order, so id order and time order disagree.
    const ids = ['ffffffff-0000-4000-8000-000000000000', '88888888-0000-4000-8000-000000000000', '11111111-0000-4000-8000-000000000000'];
    for (const [i, transferId] of ids.entries())
      await call('POST', '/fiscal-years/2028/lines', { code: `line-${i}`, name: { zh: 'x', en: 'x' }, amount: '100', transferId });
    const first = (await call('GET', '/fiscal-years/2028/transfers?limit=2')).json();
    expect(first.items.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1]]);
    const rest = (await call('GET', `/fiscal-years/2028/transfers?limit=2&next=${first.next}`)).json();
    expect(rest.items.map((t: { reason: string; id: string }) => (t.reason === 'fund_line' ? t.id : t.reason))).toEqual([ids[0], 'allocate_envelope']);
  });

  it('finance and admins write; program officers and auditors read; applicants and other hubs see nothing', async () => {
    const { hub, call } = await financeHub();
    await call('POST', '/fiscal-years', { year: 2026, revenue: '100000' });
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const applicant = await createTestUser(ctx);
    const otherHub = await createTestHub(ctx);
    const foreignFinance = await createTestUser(ctx, { hub: otherHub, roles: ['finance_officer'] });
    expect((await call('GET', '/fiscal-years/2026/envelope', undefined, officer)).statusCode).toBe(200);
    expect(
      (await call('POST', '/fiscal-years/2026/lines', { code: 'x-line', name: { zh: 'x', en: 'x' }, amount: '1', transferId: randomUUID() }, officer))
        .statusCode,
    ).toBe(403);
    expect((await call('GET', '/fiscal-years/2026/envelope', undefined, applicant)).statusCode).toBe(404);
    expect((await call('GET', '/fiscal-years/2026/transfers', undefined, foreignFinance)).statusCode).toBe(404);
    expect((await call('POST', '/fiscal-years', { year: 2030, revenue: '1' }, foreignFinance)).statusCode).toBe(404);
  });
});

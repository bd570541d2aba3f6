import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { closeFiscalYear } from './close-year.service.js';
import { commit, disburse } from './commitments.service.js';
import { verifyLedger } from './ledger-verify.js';
import { openFiscalYear } from './budget.service.js';
import { createBudgetLine } from './budget.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function booksWithHistory() {
  const hub = await createTestHub(ctx);
  const { caller, scope } = await fundedYear(ctx.database.db, hub, { grants: 10_000n });
  const c = await withTransaction(
    ctx.database.db,
    (tx) => commit(tx, caller, { transferId: randomUUID(), year: 2026, lineCode: 'grants', amount: 4_000n, cause: { type: 'award', id: 'a-1' } }),
    ledgerTx,
  );
  await withTransaction(ctx.database.db, (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: c.id, amount: 1_500n }), ledgerTx);
  return { hub, caller, scope, c };
}

describe('ledger verify', () => {
  it('finds nothing wrong in honest books, and names an edited balance', async () => {
    const { hub } = await booksWithHistory();
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
    await ctx.database.db.execute(sql`UPDATE ledger_accounts SET credits_posted = credits_posted + 1 WHERE hub_id = ${hub.id} AND code = 'grants'`);
    const problems = await verifyLedger(ctx.database.db, hub.id);
    expect(problems.map((p) => p.check).sort()).toEqual(['balances_match_transfers', 'sum_is_zero']);
    expect(problems[0]!.subject).toContain('grants');
  });

  it('`dragongate ledger verify --hub` exits 0 on honest books and 1 on tampered ones', async () => {
    const { hub } = await booksWithHistory();
    const run = () =>
      promisify(execFile)('node', ['bin/dragongate.mjs', 'ledger', 'verify', '--hub', hub.slug], {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    expect(await run()).toEqual({ code: 0, out: `ok ${hub.slug}\n` });
    await ctx.database.db.execute(sql`UPDATE commitments SET posted = 0 WHERE hub_id = ${hub.id}`);
    const bad = await run();
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('commitment_tally');
  });
});

describe('closing a year', () => {
  it('voids what is still committed, then refuses new money in the closed year', async () => {
    const { hub, scope, caller, c } = await booksWithHistory();
    const result = await withTransaction(ctx.database.db, (tx) => closeFiscalYear(tx, scope, 2026, 'void', 'year end'), ledgerTx);
    expect(result).toEqual({ commitments: 1, carried: 0n });
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
    const late = withTransaction(ctx.database.db, (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: c.id, amount: 1n }), ledgerTx);
    await expect(late).rejects.toMatchObject({ code: 'COMMITMENT_RELEASED' });
    const lateCommit = withTransaction(
      ctx.database.db,
      (tx) => commit(tx, caller, { transferId: randomUUID(), year: 2026, lineCode: 'grants', amount: 1n, cause: { type: 'award', id: 'a-2' } }),
      ledgerTx,
    );
    await expect(lateCommit).rejects.toMatchObject({ code: 'FISCAL_YEAR_CLOSED' });
  });

  it('carries the unpaid remainder forward to the same line next year', async () => {
    const { hub, scope } = await booksWithHistory();
    await withTransaction(ctx.database.db, (tx) => openFiscalYear(tx, scope, { year: 2027, revenue: '1000000', techShareBasisPoints: 1500 }));
    await withTransaction(
      ctx.database.db,
      (tx) => createBudgetLine(tx, scope, 2027, { code: 'grants', name: { zh: '资助', en: 'Grants' }, amount: '100000', transferId: randomUUID() }),
      ledgerTx,
    );
    const result = await withTransaction(ctx.database.db, (tx) => closeFiscalYear(tx, scope, 2026, 'carry_forward', 'award a-1 continues'), ledgerTx);
    expect(result.carried).toBe(2_500n);
    const { rows } = await ctx.database.db.execute(sql`
      SELECT fy.year, c.amount::text FROM commitments c JOIN fiscal_years fy ON fy.hub_id = c.hub_id AND fy.id = c.fiscal_year_id
      WHERE c.hub_id = ${hub.id} AND c.cause_id = 'a-1' ORDER BY fy.year`);
    expect(rows).toEqual([
      { year: 2026, amount: '4000' },
      { year: 2027, amount: '2500' },
    ]);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });
});

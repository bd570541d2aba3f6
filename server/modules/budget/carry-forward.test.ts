import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { awardInPayment } from '../../test/review-factories.js';
import { accountByCode, accountFree, lineAvailable } from './accounts.js';
import { createBudgetLine, openFiscalYear } from './budget.service.js';
import { closeFiscalYear } from './close-year.service.js';
import { commitmentTransactions } from './commitment-transactions.js';
import { clawBack } from './claw-back.js';
import { commit, commitmentChain, disburse, findCommitment, release } from './commitments.service.js';
import { awardOutstanding, openReceivable } from './receivables.service.js';
import { verifyLedger } from './ledger-verify.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Line = { code: string; committed: string; disbursed: string; free: string };

describe('closing a year with carry_forward', () => {
  it('pays the next tranche of an award from the next year; the award, the public award and the ledger agree', async () => {
    const w = await awardInPayment(ctx, []);
    // 2027 opens with the same line; 2026 closes carrying the unpaid 60% forward.
    expect((await w.call(w.finance, 'POST', '/fiscal-years', { year: 2027, revenue: '1000000000000' })).statusCode).toBe(201);
    const line = await w.call(w.finance, 'POST', '/fiscal-years/2027/lines', {
      code: 'rd-grants',
      name: { zh: '研发', en: 'R&D' },
      amount: '10000000000',
      transferId: randomUUID(),
    });
    expect(line.statusCode, line.body).toBe(201);
    const closed = await w.call(w.finance, 'POST', '/fiscal-years/2026/close', { decision: 'carry_forward', note: 'midterm report late' });
    expect(closed.statusCode, closed.body).toBe(200);

    // The second tranche pays, from the 2027 line.
    const paid = await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'report accepted on paper' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'closed', paid: '100000000' });
    const rd = async (year: number) =>
      ((await w.call(w.finance, 'GET', `/fiscal-years/${year}/envelope`)).json().lines as Line[]).find((l) => l.code === 'rd-grants')!;
    expect(await rd(2027)).toMatchObject({ committed: '0', disbursed: '60000000', free: '9940000000' });
    expect(await rd(2026)).toMatchObject({ committed: '0', disbursed: '40000000' });
    // The public budget of 2027 names the 2026 program that paid from its line.
    type Spend = { id: string; line: string; awards: number; awarded: string; disbursed: string };
    const spend = async (year: number) =>
      ((await w.call(null, 'GET', `/public/budget?year=${year}`)).json().programs as Spend[]).find((p) => p.id === w.program.id);
    expect(await spend(2027)).toMatchObject({ line: 'rd-grants', awards: 1, awarded: '60000000', disbursed: '60000000' });
    expect(await spend(2026)).toMatchObject({ disbursed: '40000000' });

    const award = (await w.call(w.founder, 'GET', w.at('/award'))).json();
    expect(award).toMatchObject({ paid: '100000000', tranches: [{ status: 'paid' }, { status: 'paid' }] });
    // The published grant (360Giving): committed once (the carry is not new money), paid in two.
    type Tx = { value: number };
    const grant = async () => (await w.call(null, 'GET', '/open-data')).json().grants[0] as { commitmentTransaction: Tx[]; disbursementTransaction: Tx[] };
    expect((await grant()).commitmentTransaction.map((t) => t.value)).toEqual([1_000_000]);
    expect((await grant()).disbursementTransaction.map((t) => t.value)).toEqual([400_000, 600_000]);

    // A breach found later takes back from what 2027 paid.
    const back = await w.call(w.finance, 'POST', w.at('/clawback'), { amount: '30000000', reason: 'moved out' }, { 'idempotency-key': randomUUID() });
    expect(back.statusCode, back.body).toBe(200);
    expect(await rd(2027)).toMatchObject({ disbursed: '60000000', free: '9970000000' });
    expect((await grant()).disbursementTransaction.map((t) => t.value)).toEqual([400_000, 600_000, -300_000]);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('lets the holder of the old id pay, release and claw back through the carried commitment', async () => {
    const hub = await createTestHub(ctx);
    const db = ctx.database.db;
    const { scope, caller } = await fundedYear(db, hub, { grants: 1_000_000n });
    const cause = { type: 'application', id: randomUUID() };
    const old = await commit(db, caller, { transferId: randomUUID(), year: 2026, lineCode: 'grants', amount: 600_000n, cause });
    await withTransaction(db, (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: old.id, amount: 100_000n }), ledgerTx);
    const firstTranche = randomUUID();
    await withTransaction(db, (tx) => disburse(tx, caller, { transferId: firstTranche, commitmentId: old.id, amount: 100_000n }), ledgerTx);
    await withTransaction(db, (tx) => openFiscalYear(tx, scope, { year: 2027, revenue: '1000000000', techShareBasisPoints: 1500 }));
    await withTransaction(
      db,
      (tx) => createBudgetLine(tx, scope, 2027, { code: 'grants', name: { zh: 'g', en: 'g' }, amount: '1000000', transferId: randomUUID() }),
      ledgerTx,
    );
    const closed = await withTransaction(db, (tx) => closeFiscalYear(tx, scope, 2026, 'carry_forward', 'carry'), ledgerTx);
    expect(closed).toEqual({ commitments: 1, carried: 400_000n });
    expect(await lineAvailable(db, hub.id, 2027, 'grants')).toBe(600_000n);

    // A retry of a tranche paid before the carry is that tranche, not a second payment.
    await withTransaction(db, (tx) => disburse(tx, caller, { transferId: firstTranche, commitmentId: old.id, amount: 100_000n }), ledgerTx);
    await withTransaction(db, (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: old.id, amount: 150_000n }), ledgerTx);
    await withTransaction(db, (tx) => clawBack(tx, caller, { transferId: randomUUID(), commitmentId: old.id, amount: 50_000n }), ledgerTx);
    expect(await withTransaction(db, (tx) => findCommitment(tx, hub.id, old.id))).toMatchObject({ id: old.id, released: false });
    // A recovery counts what both years paid (200 000 + 150 000 - 50 000) and is due from the
    // latest year that holds it; a retry is the same receivable.
    expect(await withTransaction(db, (tx) => awardOutstanding(tx, hub.id, old.id))).toBe(300_000n);
    const carriedTo = (await withTransaction(db, (tx) => commitmentChain(tx, hub.id, old.id)))[1]!;
    const recovery = { transferId: randomUUID(), commitmentId: old.id, amount: 80_000n, cause };
    const due = await withTransaction(db, (tx) => openReceivable(tx, caller, recovery), ledgerTx);
    expect(await withTransaction(db, (tx) => openReceivable(tx, caller, recovery), ledgerTx)).toEqual(due);
    expect([due.debitAccountId, due.creditAccountId]).toEqual([carriedTo.awardAccountId, carriedTo.lineAccountId]);
    expect(await withTransaction(db, (tx) => awardOutstanding(tx, hub.id, old.id))).toBe(220_000n);
    await withTransaction(db, (tx) => release(tx, caller, { transferId: randomUUID(), commitmentId: old.id }), ledgerTx);
    expect(await withTransaction(db, (tx) => findCommitment(tx, hub.id, old.id))).toMatchObject({ id: old.id, released: true });
    // 2027 paid 150 000, took back 50 000 and freed the unpaid 250 000.
    expect(await lineAvailable(db, hub.id, 2027, 'grants')).toBe(900_000n);
    const moves = await commitmentTransactions(db, hub.id, [old.id]);
    expect(moves.map((m) => [m.commitmentId, m.kind, m.amount])).toEqual([
      [old.id, 'commitment', 600_000n],
      [old.id, 'disbursement', 100_000n],
      [old.id, 'disbursement', 100_000n],
      [old.id, 'disbursement', 150_000n],
      [old.id, 'claw_back', 50_000n],
    ]);
    expect(await verifyLedger(db, hub.id)).toEqual([]);
  });

  it('takes back what both years paid: the newest year first, then the closed year into its envelope', async () => {
    const hub = await createTestHub(ctx);
    const db = ctx.database.db;
    const { scope, caller } = await fundedYear(db, hub, { grants: 1_000_000n });
    const old = await commit(db, caller, {
      transferId: randomUUID(),
      year: 2026,
      lineCode: 'grants',
      amount: 600_000n,
      cause: { type: 'application', id: randomUUID() },
    });
    await withTransaction(db, (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: old.id, amount: 200_000n }), ledgerTx);
    await withTransaction(db, (tx) => openFiscalYear(tx, scope, { year: 2027, revenue: '1000000000', techShareBasisPoints: 1500 }));
    await withTransaction(
      db,
      (tx) => createBudgetLine(tx, scope, 2027, { code: 'grants', name: { zh: 'g', en: 'g' }, amount: '1000000', transferId: randomUUID() }),
      ledgerTx,
    );
    await withTransaction(db, (tx) => closeFiscalYear(tx, scope, 2026, 'carry_forward', 'carry'), ledgerTx);
    await withTransaction(db, (tx) => disburse(tx, caller, { transferId: randomUUID(), commitmentId: old.id, amount: 150_000n }), ledgerTx);
    const envelope2026 = await accountByCode(db, hub.id, old.fiscalYearId, 'envelope');
    const envelopeBefore = await accountFree(db, hub.id, envelope2026.id);

    // 2027 paid 150 000 and 2026 paid 200 000: 300 000 back is 150 000 from each.
    const back = { transferId: randomUUID(), commitmentId: old.id, amount: 300_000n };
    await withTransaction(db, (tx) => clawBack(tx, caller, back), ledgerTx);
    expect(await withTransaction(db, (tx) => awardOutstanding(tx, hub.id, old.id))).toBe(50_000n);
    expect(await lineAvailable(db, hub.id, 2027, 'grants')).toBe(750_000n);
    expect((await accountFree(db, hub.id, envelope2026.id)) - envelopeBefore).toBe(150_000n);
    // A retry is the claw-back made; more than is left is refused with nothing written.
    expect(await withTransaction(db, (tx) => clawBack(tx, caller, back), ledgerTx)).toEqual({ replayed: true });
    await expect(
      withTransaction(db, (tx) => clawBack(tx, caller, { transferId: randomUUID(), commitmentId: old.id, amount: 60_000n }), ledgerTx),
    ).rejects.toMatchObject({ code: 'CLAWBACK_EXCEEDS_PAID' });
    expect(await withTransaction(db, (tx) => awardOutstanding(tx, hub.id, old.id))).toBe(50_000n);
    const moves = await commitmentTransactions(db, hub.id, [old.id]);
    expect(moves.filter((m) => m.kind === 'claw_back').map((m) => m.amount)).toEqual([150_000n, 150_000n]);
    expect(await verifyLedger(db, hub.id)).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../../contracts/obligations.js';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { paidInFullAward } from '../../test/review-factories.js';
import { verifyLedger } from '../budget/index.js';
import { localToday } from '../../platform/hub-time.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

// A fifth of what was paid comes back on a breach.
const stay: ObligationInput = {
  key: 'stay',
  kind: 'stay_registered',
  months: 60,
  recovery: { rule: 'share', shareBasisPoints: 2000 },
  appealDays: 15,
  repayDays: 30,
};

type World = Awaited<ReturnType<typeof paidInFullAward>>;
type Balance = { debitsPending: string; debitsPosted: string; creditsPending: string; creditsPosted: string };

/** The award's year's accounts by code (the award's own account as `award`). */
async function accounts(w: World): Promise<Record<string, Balance>> {
  const { rows } = await ctx.database.db.execute<Balance & { code: string; kind: string }>(sql`
    SELECT a.code, a.kind, a.debits_pending::text AS "debitsPending", a.debits_posted::text AS "debitsPosted",
           a.credits_pending::text AS "creditsPending", a.credits_posted::text AS "creditsPosted"
    FROM ledger_accounts a JOIN fiscal_years y ON y.hub_id = a.hub_id AND y.id = a.fiscal_year_id
    WHERE a.hub_id = ${w.hub.id} AND y.year = 2026 AND (a.kind <> 'award' OR a.id = (SELECT award_account_id FROM commitments WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}))`);
  return Object.fromEntries(rows.map(({ code, kind, ...b }) => [kind === 'award' ? 'award' : code, b]));
}

/** The firm moves out; the check finds it; an officer decides a breach (a fifth of 1,000,000 yuan is due). */
async function decideBreach(w: World, today: string, key: string) {
  const fact = await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, {
    metric: 'registered_in_hub',
    asOf: today,
    quantity: '0',
    source: { note: 'Registration moved to Suzhou (business licence change)' },
  });
  expect(fact.statusCode, fact.body).toBe(201);
  expect((await w.call(w.officer, 'POST', '/obligation-checks')).json()).toMatchObject({ findings: 1 });
  const [finding] = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items;
  const decided = await w.call(
    w.officer,
    'POST',
    `/obligation-findings/${finding.id}/decision`,
    { decision: 'breach', reason: 'Moved its registration out of the hub within five years', breachOn: today },
    { 'idempotency-key': key },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  return decided;
}

describe('a recovery on an award whose fiscal year is closed', () => {
  it('owes the money to the closed year’s envelope, and each repayment finance records lands there, not on the line', async () => {
    const w = await paidInFullAward(ctx, [stay]);
    const today = localToday(w.hub.timeZone);

    // Finance closes the award's year (nothing is committed unpaid: the award was paid in full).
    const closed = await w.call(w.finance, 'POST', '/fiscal-years/2026/close', { decision: 'void', note: 'year end' });
    expect(closed.statusCode, closed.body).toBe(200);
    const before = await accounts(w);
    expect(before.award).toMatchObject({ creditsPosted: '100000000', debitsPosted: '0', debitsPending: '0' });

    // The firm moves out; the check finds it; an officer decides a breach.
    const decided = await decideBreach(w, today, 'closed-year-decide-0001');
    expect(decided.json().recovery).toMatchObject({ amountDue: '20000000', repaid: '0', status: 'due' });

    // The receivable: pending from the award to the closed year's envelope; the line is untouched.
    const owed = await accounts(w);
    expect(owed.award).toMatchObject({ debitsPending: '20000000', debitsPosted: '0' });
    expect(owed.envelope).toMatchObject({ creditsPending: (BigInt(before.envelope!.creditsPending) + 20_000_000n).toString() });
    expect(owed['rd-grants']).toEqual(before['rd-grants']);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);

    // Finance records a part, then the rest: each posts back to the envelope.
    const recoveryId = decided.json().recovery.id;
    for (const [amount, key, status] of [
      ['5000000', 'closed-year-repay-01', 'part_repaid'],
      ['15000000', 'closed-year-repay-02', 'repaid'],
    ] as const) {
      const paid = await w.call(w.finance, 'POST', `/recoveries/${recoveryId}/repayments`, { amount, receivedOn: today }, { 'idempotency-key': key });
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.json().recovery.status).toBe(status);
    }
    const after = await accounts(w);
    expect(after.award).toMatchObject({ debitsPending: '0', debitsPosted: '20000000', creditsPosted: '100000000' });
    expect(after.envelope).toMatchObject({
      creditsPending: before.envelope!.creditsPending,
      creditsPosted: (BigInt(before.envelope!.creditsPosted) + 20_000_000n).toString(),
    });
    expect(after['rd-grants']).toEqual(before['rd-grants']);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);

    // The year stays closed to everything else.
    const status = await ctx.database.db.execute<{ status: string }>(sql`SELECT status FROM fiscal_years WHERE hub_id = ${w.hub.id} AND year = 2026`);
    expect(status.rows[0]!.status).toBe('closed');
  });

  it('a recovery owed to the line before the year closed survives the closing, and repayments after it still post to that line', async () => {
    const w = await paidInFullAward(ctx, [stay]);
    const today = localToday(w.hub.timeZone);
    const before = await accounts(w);
    const decided = await decideBreach(w, today, 'open-year-decide-0001');
    expect(decided.json().recovery).toMatchObject({ amountDue: '20000000', status: 'due' });
    const owed = await accounts(w);
    expect(owed['rd-grants']).toMatchObject({ creditsPending: (BigInt(before['rd-grants']!.creditsPending) + 20_000_000n).toString() });
    expect(owed.envelope).toEqual(before.envelope);

    // Closing the year releases unpaid commitments only: the receivable is still owed.
    const closed = await w.call(w.finance, 'POST', '/fiscal-years/2026/close', { decision: 'void', note: 'year end' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await accounts(w)).toEqual(owed);

    const paid = await w.call(
      w.finance,
      'POST',
      `/recoveries/${decided.json().recovery.id}/repayments`,
      { amount: '20000000', receivedOn: today },
      { 'idempotency-key': 'open-year-repay-01' },
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().recovery.status).toBe('repaid');
    const after = await accounts(w);
    expect(after.award).toMatchObject({ debitsPending: '0', debitsPosted: '20000000' });
    expect(after['rd-grants']).toMatchObject({
      creditsPending: before['rd-grants']!.creditsPending,
      creditsPosted: (BigInt(before['rd-grants']!.creditsPosted) + 20_000_000n).toString(),
    });
    expect(after.envelope).toEqual(before.envelope);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../../contracts/obligations.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { awardInPayment } from '../../test/review-factories.js';
import { verifyLedger } from '../budget/index.js';
import { addDays } from './dates.js';
import { withTransaction } from '../../db/transaction.js';
import { decideFinding } from './findings.service.js';
import { checkHubObligations } from './monitoring.service.js';
import { localToday } from '../../platform/hub-time.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const stay: ObligationInput = {
  key: 'stay',
  kind: 'stay_registered',
  months: 60,
  recovery: { rule: 'share', shareBasisPoints: 5000 },
  appealDays: 15,
  repayDays: 30,
};

/** An award in payment (40% paid, the second tranche waiting) whose firm moved out: the breach decided. */
async function breached() {
  const w = await awardInPayment(ctx, [stay]);
  const today = localToday(w.hub.timeZone);
  await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, {
    metric: 'registered_in_hub',
    asOf: today,
    quantity: '0',
    source: { note: 'Registration moved to Suzhou (business licence change)' },
  });
  await w.call(w.officer, 'POST', '/obligation-checks');
  const [finding] = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items;
  const decided = await w.call(w.officer, 'POST', `/obligation-findings/${finding.id}/decision`, { decision: 'breach', reason: 'Moved out within five years' });
  expect(decided.statusCode, decided.body).toBe(200);
  const award = async () => (await w.call(w.founder, 'GET', w.at('/award'))).json();
  const history = async () => (await w.call(w.founder, 'GET', w.at('/history'))).json().items as { event: string; amount: string | null; to: string }[];
  return { ...w, today, finding: decided.json(), award, history };
}

describe('a breach on an award still paying', () => {
  it('holds the waiting tranche at once; the award stops when the appeal time passes; the history, the ledger and the open data agree', async () => {
    const w = await breached();
    // Half of the 40% paid is due back; the second tranche is held, and finance cannot pay it.
    expect(w.finding.recovery).toMatchObject({ amountDue: '20000000', status: 'due' });
    expect((await w.award()).tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'held']);
    const pay = await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'try anyway' });
    expect(pay.json().error.code).toBe('TRANCHE_SETTLED');
    expect((await w.history()).at(-1)).toMatchObject({ event: 'recovery_due', amount: '20000000', to: 'in_payment' });

    // Within the appeal time nothing stops; after it, the daily check stops the award once.
    expect(await checkHubObligations(ctx.database.db, w.hub)).toMatchObject({ stopped: 0 });
    const later = new Date(`${addDays(w.finding.appealUntil, 1)}T04:00:00Z`);
    expect(await checkHubObligations(ctx.database.db, w.hub, later)).toMatchObject({ stopped: 1 });
    expect(await checkHubObligations(ctx.database.db, w.hub, later)).toMatchObject({ stopped: 0 });
    const stopped = await w.award();
    expect(stopped).toMatchObject({ status: 'closed', paid: '40000000' });
    expect(stopped.tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'cancelled']);
    expect((await w.history()).at(-1)).toMatchObject({ event: 'close', to: 'closed' });

    // The unpaid 60% went back to the line: the commitment is released, nothing pending but the recovery.
    const { rows } = await ctx.database.db.execute<{ released: boolean }>(
      sql`SELECT released FROM commitments WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}`,
    );
    expect(rows[0]!.released).toBe(true);

    // A repayment is in the history and in the published data as money returned.
    const repaid = await w.call(w.finance, 'POST', `/recoveries/${w.finding.recovery.id}/repayments`, {
      amount: '20000000',
      receivedOn: w.today,
      note: 'bank transfer',
    });
    expect(repaid.statusCode, repaid.body).toBe(200);
    expect((await w.history()).at(-1)).toMatchObject({ event: 'repaid', amount: '20000000' });
    const open = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/open-data` })).json();
    const grant = open.grants.find((g: { amountAwarded: number }) => g.amountAwarded === 1_000_000);
    const values = grant.disbursementTransaction.map((t: { value: number }) => t.value);
    expect(values).toEqual(expect.arrayContaining([400_000, -200_000]));
    expect(values.reduce((a: number, b: number) => a + b, 0)).toBe(200_000);

    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('an appeal overturned lets the held tranche wait again; one dismissed stops the award at once', async () => {
    const a = await breached();
    expect((await a.call(a.founder, 'POST', `/obligation-findings/${a.finding.id}/appeal`, { reason: 'We never left' })).statusCode).toBe(200);
    const overturned = await a.call(a.officer2, 'POST', `/obligation-findings/${a.finding.id}/decision`, {
      decision: 'dismiss',
      reason: 'Registered here after all',
    });
    expect(overturned.statusCode, overturned.body).toBe(200);
    expect((await a.award()).tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'waiting']);
    expect((await a.history()).at(-1)).toMatchObject({ event: 'recovery_cancelled' });
    expect((await a.call(a.finance, 'POST', a.at('/tranches/2/release'), { reason: 'report accepted' })).json().status).toBe('closed');

    const b = await breached();
    await b.call(b.founder, 'POST', `/obligation-findings/${b.finding.id}/appeal`, { reason: 'We never left' });
    const upheld = await b.call(b.officer2, 'POST', `/obligation-findings/${b.finding.id}/decision`, { decision: 'breach', reason: 'The licence says Suzhou' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(await b.award()).toMatchObject({ status: 'closed', paid: '40000000' });
    for (const w of [a, b]) {
      expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
      expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
    }
  });

  it('one of two breaches overturned on appeal: the other still holds the tranche, and the award stops when its appeal time passes', async () => {
    const headcount: ObligationInput = { ...stay, key: 'headcount', kind: 'keep_headcount', minHeadcount: 10 };
    const w = await awardInPayment(ctx, [stay, headcount]);
    const today = localToday(w.hub.timeZone);
    const source = { note: 'Business licence change and social insurance records' };
    await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, { metric: 'registered_in_hub', asOf: today, quantity: '0', source });
    await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, { metric: 'headcount', asOf: today, quantity: '3', source });
    await w.call(w.officer, 'POST', '/obligation-checks');
    const findings = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items as { id: string; obligation: { key: string } }[];
    expect(findings.map((f) => f.obligation.key).sort()).toEqual(['headcount', 'stay']);
    const decided = [];
    for (const f of findings) {
      const res = await w.call(w.officer, 'POST', `/obligation-findings/${f.id}/decision`, { decision: 'breach', reason: `Broke ${f.obligation.key}` });
      expect(res.statusCode, res.body).toBe(200);
      decided.push(res.json());
    }
    const [first, second] = decided;
    const tranches = async () => (await w.call(w.founder, 'GET', w.at('/award'))).json().tranches.map((t: { status: string }) => t.status);
    expect(await tranches()).toEqual(['paid', 'held']);

    // The first breach is appealed and overturned; the second still stands, so the tranche stays held.
    expect((await w.call(w.founder, 'POST', `/obligation-findings/${first.id}/appeal`, { reason: 'We never left' })).statusCode).toBe(200);
    const overturned = await w.call(w.officer2, 'POST', `/obligation-findings/${first.id}/decision`, { decision: 'dismiss', reason: 'Registered here' });
    expect(overturned.statusCode, overturned.body).toBe(200);
    expect((await w.call(w.officer, 'GET', `/obligation-findings/${second.id}`)).json().status).toBe('breach');
    expect(await tranches()).toEqual(['paid', 'held']);
    const history = (await w.call(w.founder, 'GET', w.at('/history'))).json().items as { event: string }[];
    expect(history.at(-1)).toMatchObject({ event: 'recovery_cancelled' });

    // After the second breach's appeal time the daily check stops the award; finance cannot pay.
    const later = new Date(`${addDays(second.appealUntil, 1)}T04:00:00Z`);
    expect(await checkHubObligations(ctx.database.db, w.hub, later)).toMatchObject({ stopped: 1 });
    expect((await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'try anyway' })).json().error.code).toBe('TRANCHE_SETTLED');
    expect((await w.call(w.founder, 'GET', w.at('/award'))).json()).toMatchObject({ status: 'closed', paid: '40000000' });
    expect(await tranches()).toEqual(['paid', 'cancelled']);
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('a breach decided while another is being overturned waits for that decision, so the tranche stays held', async () => {
    // The first breach recovers all that was paid, so the second recovers nothing and touches no ledger row.
    const all: ObligationInput = { ...stay, recovery: { rule: 'all', shareBasisPoints: null } };
    const headcount: ObligationInput = { ...stay, key: 'headcount', kind: 'keep_headcount', minHeadcount: 10 };
    const w = await awardInPayment(ctx, [all, headcount]);
    const today = localToday(w.hub.timeZone);
    const source = { note: 'Business licence change and social insurance records' };
    await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, { metric: 'registered_in_hub', asOf: today, quantity: '0', source });
    await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, { metric: 'headcount', asOf: today, quantity: '3', source });
    await w.call(w.officer, 'POST', '/obligation-checks');
    const findings = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items as { id: string; obligation: { key: string } }[];
    const first = findings.find((f) => f.obligation.key === 'stay')!;
    const second = findings.find((f) => f.obligation.key === 'headcount')!;
    await w.call(w.officer, 'POST', `/obligation-findings/${first.id}/decision`, { decision: 'breach', reason: 'Moved out' });
    await w.call(w.founder, 'POST', `/obligation-findings/${first.id}/appeal`, { reason: 'We never left' });

    // The overturn is made and not yet committed when the second breach is decided.
    let commit!: () => void;
    const gate = new Promise<void>((resolve) => (commit = resolve));
    const scope = { hub: w.hub, actor: { userId: w.officer2.id, hubRoles: ['program_officer' as const] } };
    let overturned!: () => void;
    const decidedFirst = new Promise<void>((resolve) => (overturned = resolve));
    const overturn = withTransaction(ctx.database.db, async (tx) => {
      await decideFinding(tx, scope, first.id, { decision: 'dismiss', reason: 'Registered here' });
      overturned();
      await gate;
    });
    await decidedFirst;
    let settled = false;
    const breach = w.call(w.officer, 'POST', `/obligation-findings/${second.id}/decision`, { decision: 'breach', reason: 'Fewer than 10' }).finally(() => {
      settled = true;
    });
    // Wait until the second decision is blocked on a lock the overturn holds (or has finished).
    const waiting = async () =>
      (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0]!.n;
    while (!settled && (await waiting()) === 0) await new Promise((resolve) => setImmediate(resolve));
    commit();
    await overturn;
    const res = await breach;
    expect(res.statusCode, res.body).toBe(200);
    const award = (await w.call(w.founder, 'GET', w.at('/award'))).json();
    expect(award.tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'held']);
    const later = new Date(`${addDays(res.json().appealUntil, 1)}T04:00:00Z`);
    expect(await checkHubObligations(ctx.database.db, w.hub, later)).toMatchObject({ stopped: 1 });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
  });
});

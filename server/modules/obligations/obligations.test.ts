import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../../contracts/obligations.js';
import { as, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { otherHub, paidInFullAward } from '../../test/review-factories.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { verifyLedger } from '../budget/index.js';
import { addMonths } from '../reviews/index.js';
import { recoveryAmount } from './recovery-amount.js';
import { localToday } from '../../platform/hub-time.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const stay: ObligationInput = { key: 'stay', kind: 'stay_registered', months: 60, recovery: { rule: 'pro_rata' }, appealDays: 15, repayDays: 30 };

const paidInFull = (obligations: ObligationInput[] = [stay]) => paidInFullAward(ctx, obligations);

type World = Awaited<ReturnType<typeof paidInFull>>;

const movedOut = (w: World, asOf: string) =>
  w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, {
    metric: 'registered_in_hub',
    asOf,
    quantity: '0',
    source: { note: 'Registration moved to Suzhou (business licence change)' },
  });

const today = (w: World) => localToday(w.hub.timeZone);

async function books(w: World) {
  const { rows } = await ctx.database.db.execute<{ net: string; pending: string }>(sql`
    SELECT (a.credits_posted - a.debits_posted)::text AS net, a.debits_pending::text AS pending
    FROM commitments c JOIN ledger_accounts a ON a.hub_id = c.hub_id AND a.id = c.award_account_id WHERE c.hub_id = ${w.hub.id} AND c.id = ${w.application.id}`);
  return rows[0]!;
}

describe('after the money', () => {
  it('a firm that moves out after a closed award: the check raises a finding, the officer decides, the recovery is pro rata, finance records repayments back to the line', async () => {
    const w = await paidInFull();
    const started = today(w);
    expect((await movedOut(w, started)).statusCode).toBe(201);

    // Applicants cannot run the check; officers can; a second run raises nothing twice.
    expect((await w.call(w.founder, 'POST', '/obligation-checks')).statusCode).toBe(404);
    expect((await w.call(w.officer, 'POST', '/obligation-checks')).json()).toMatchObject({ awards: 1, obligations: 1, findings: 1 });
    expect((await w.call(w.officer, 'POST', '/obligation-checks')).json()).toMatchObject({ obligations: 0, findings: 0 });

    const list = (await w.call(w.officer, 'GET', '/obligation-findings')).json();
    expect(list.items).toHaveLength(1);
    const finding = list.items[0];
    expect(finding).toMatchObject({
      status: 'open',
      reference: expect.stringMatching(/^OB-\d{6}$/),
      obligation: { kind: 'stay_registered', startsOn: started, endsOn: addMonths(started, 60), rule: 'pro_rata' },
      evidence: { kind: 'graph_fact' },
      actions: ['decide'],
    });
    expect(finding.applicantName.en).toBeTruthy();

    // The firm does not see a finding under consideration (404, also when named in a filter of someone else's).
    expect((await w.call(w.founder, 'GET', `/obligation-findings/${finding.id}`)).statusCode).toBe(404);
    expect((await w.call(w.founder, 'GET', '/obligation-findings')).json().items).toEqual([]);
    const stranger = await createTestUser(ctx, { hub: w.hub });
    expect((await w.call(stranger, 'GET', `/obligation-findings?applicationId=${w.application.id}`)).statusCode).toBe(404);

    // Two years in: 1,096 or 1,095 of the obligation's days were left (depending on leap years).
    const breachOn = addMonths(started, 24);
    const expected = recoveryAmount({
      outstanding: 100_000_000n,
      rule: 'pro_rata',
      shareBasisPoints: null,
      startsOn: started,
      endsOn: addMonths(started, 60),
      breachOn,
    });
    expect((await w.call(w.finance, 'POST', `/obligation-findings/${finding.id}/decision`, { decision: 'breach', reason: 'x' })).statusCode).toBe(403);
    const decided = await w.call(
      w.officer,
      'POST',
      `/obligation-findings/${finding.id}/decision`,
      { decision: 'breach', reason: 'Moved its registration out of the hub within five years', breachOn },
      { 'idempotency-key': 'decide-finding-0001' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'breach', recovery: { amountDue: expected.toString(), repaid: '0', status: 'due' } });
    const replay = await w.call(
      w.officer,
      'POST',
      `/obligation-findings/${finding.id}/decision`,
      { decision: 'breach', reason: 'Moved its registration out of the hub within five years', breachOn },
      { 'idempotency-key': 'decide-finding-0001' },
    );
    expect(replay.json().recovery.id).toBe(decided.json().recovery.id);
    expect((await w.call(w.officer2, 'POST', `/obligation-findings/${finding.id}/decision`, { decision: 'dismiss', reason: 'late' })).json().error.code).toBe(
      'FINDING_DECIDED',
    );
    expect(await books(w)).toEqual({ net: '100000000', pending: expected.toString() });

    // The firm sees the amount, reason and deadline, and was told in the app.
    const seen = (await w.call(w.founder, 'GET', `/obligation-findings/${finding.id}`)).json();
    expect(seen).toMatchObject({
      decisionReason: 'Moved its registration out of the hub within five years',
      recovery: { amountDue: expected.toString() },
      actions: ['appeal'],
    });
    const bell = (await w.call(w.founder, 'GET', '/notifications')).json();
    expect(bell.items.some((n: { kind: string }) => n.kind === 'recovery_due')).toBe(true);

    // Repayments: partial, then more than is left is refused with nothing written, then the rest.
    const recoveryId = decided.json().recovery.id;
    const part = await w.call(
      w.finance,
      'POST',
      `/recoveries/${recoveryId}/repayments`,
      { amount: '10000000', receivedOn: started },
      { 'idempotency-key': 'repay-0001-aaaa' },
    );
    expect(part.json().recovery).toMatchObject({ repaid: '10000000', status: 'part_repaid' });
    const tooMuch = await w.call(w.finance, 'POST', `/recoveries/${recoveryId}/repayments`, { amount: expected.toString(), receivedOn: started });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error).toMatchObject({ code: 'REPAYMENT_EXCEEDS_DUE', fields: [{ path: 'amount' }] });
    expect((await w.call(w.founder, 'POST', `/recoveries/${recoveryId}/repayments`, { amount: '1', receivedOn: started })).statusCode).toBe(403);
    const rest = await w.call(w.finance, 'POST', `/recoveries/${recoveryId}/repayments`, {
      amount: (expected - 10_000_000n).toString(),
      receivedOn: started,
      note: 'bank transfer',
    });
    expect(rest.json().recovery).toMatchObject({ status: 'repaid', repaid: expected.toString() });
    expect(await books(w)).toEqual({ net: (100_000_000n - expected).toString(), pending: '0' });

    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('write-off needs two different people; an appeal upheld by another officer cancels what is still owed', async () => {
    const w = await paidInFull([{ ...stay, recovery: { rule: 'share', shareBasisPoints: 3000 } }]);
    await movedOut(w, today(w));
    await w.call(w.officer, 'POST', '/obligation-checks');
    const [finding] = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items;
    const decided = (await w.call(w.officer, 'POST', `/obligation-findings/${finding.id}/decision`, { decision: 'breach', reason: 'moved' })).json();
    expect(decided.recovery.amountDue).toBe('30000000');
    const id = decided.recovery.id;
    const finance2 = await createTestUser(ctx, { hub: w.hub, roles: ['finance_officer'] });
    expect((await w.call(w.finance, 'POST', `/recoveries/${id}/write-off`, { reason: 'Firm insolvent' })).json().recovery.status).toBe('write_off_requested');
    expect((await w.call(w.finance, 'POST', `/recoveries/${id}/write-off`, { reason: 'Firm insolvent' })).json().error.code).toBe('SAME_APPROVER');
    expect((await w.call(finance2, 'POST', `/recoveries/${id}/write-off`, { reason: 'Liquidator confirms nothing left' })).json().recovery).toMatchObject({
      status: 'written_off',
      writtenOff: '30000000',
    });
    expect(await books(w)).toEqual({ net: '100000000', pending: '0' });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);

    // Appeal path on a second award.
    const v = await paidInFull();
    await movedOut(v, today(v));
    await v.call(v.officer, 'POST', '/obligation-checks');
    const [f2] = (await v.call(v.officer, 'GET', '/obligation-findings')).json().items;
    await v.call(v.officer, 'POST', `/obligation-findings/${f2.id}/decision`, { decision: 'breach', reason: 'moved' });
    const appealed = await v.call(v.founder, 'POST', `/obligation-findings/${f2.id}/appeal`, { reason: 'Only the sales office moved; R&D stays in the hub' });
    expect(appealed.json().status).toBe('appealed');
    expect((await v.call(v.officer, 'POST', `/obligation-findings/${f2.id}/decision`, { decision: 'dismiss', reason: 'self' })).json().error.code).toBe(
      'SAME_APPROVER',
    );
    const overturned = await v.call(v.officer2, 'POST', `/obligation-findings/${f2.id}/decision`, {
      decision: 'dismiss',
      reason: 'Registration shows R&D still here',
    });
    expect(overturned.json()).toMatchObject({ status: 'overturned', recovery: { status: 'cancelled' } });
    expect(await books(v)).toEqual({ net: '100000000', pending: '0' });
    expect(await verifyLedger(ctx.database.db, v.hub.id)).toEqual([]);
  });

  it('a closed reviewed award can still be clawed back; another hub answers 404', async () => {
    const v = await paidInFull();
    await movedOut(v, today(v));
    await v.call(v.officer, 'POST', '/obligation-checks');
    const [finding] = (await v.call(v.officer, 'GET', '/obligation-findings')).json().items;
    const w = await paidInFull([]);
    const claw = await w.call(w.finance, 'POST', w.at('/clawback'), { amount: '25000000', reason: 'Breach found after the last payment' });
    expect(claw.statusCode, claw.body).toBe(200);
    expect(claw.json()).toMatchObject({ status: 'closed', clawedBack: '25000000' });
    expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
    const other = await otherHub(ctx);
    const outsider = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    // Another hub's officer: 404 for the finding, by id, in a filter and in a decision.
    for (const [method, url, payload] of [
      ['GET', `/api/hubs/${v.hub.slug}/obligation-findings/${finding.id}`, undefined],
      ['GET', `/api/hubs/${v.hub.slug}/obligation-findings?applicationId=${v.application.id}`, undefined],
      ['POST', `/api/hubs/${v.hub.slug}/obligation-findings/${finding.id}/decision`, { decision: 'dismiss', reason: 'not mine' }],
      ['POST', `/api/hubs/${other.slug}/obligation-findings/${finding.id}/decision`, { decision: 'dismiss', reason: 'not mine' }],
    ] as const) {
      const res = await ctx.app.inject(as(outsider, { method, url, ...(payload ? { payload } : {}) }));
      expect(res.statusCode, url).toBe(404);
    }
    expect((await v.call(v.officer, 'GET', `/obligation-findings/${finding.id}`)).json().status).toBe('open');
  });
});

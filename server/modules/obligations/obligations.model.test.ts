import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../../contracts/obligations.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';
import { verifyLedger } from '../budget/index.js';
import { localToday } from '../../platform/hub-time.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * Random sequences of what happens after an award is paid (the firm moving out, checks,
 * decisions, appeals, repayments, write-offs, claw-backs, by the right and the wrong
 * people) against the real services. After every step: no 5xx, a refused step changes
 * nothing, money is conserved (what the award still holds = paid - clawed back - repaid;
 * what is owed = due - repaid - written off), the ledger verifies and the audit chain holds.
 */
type Who = 'officer' | 'officer2' | 'finance' | 'finance2' | 'founder';
type Op =
  | { op: 'move_out'; daysAgo: number }
  | { op: 'check' }
  | { op: 'decide'; who: Who; decision: 'breach' | 'dismiss' }
  | { op: 'appeal'; who: Who }
  | { op: 'repay'; who: Who; fen: bigint }
  | { op: 'write_off'; who: Who }
  | { op: 'claw_back'; who: Who; fen: bigint };

const who = fc.constantFrom<Who>('officer', 'officer2', 'finance', 'finance2', 'founder');
const fen = fc.constantFrom(1n, 1_000_000n, 10_000_000n, 30_000_000n, 100_000_000n);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('move_out' as const), daysAgo: fc.integer({ min: 0, max: 3 }) }),
  fc.constant({ op: 'check' as const }),
  fc.record({ op: fc.constant('decide' as const), who, decision: fc.constantFrom<'breach' | 'dismiss'>('breach', 'dismiss') }),
  fc.record({ op: fc.constant('appeal' as const), who }),
  fc.record({ op: fc.constant('repay' as const), who, fen }),
  fc.record({ op: fc.constant('write_off' as const), who }),
  fc.record({ op: fc.constant('claw_back' as const), who, fen }),
);
const ruleArb = fc.constantFrom<ObligationInput['recovery']>({ rule: 'all' }, { rule: 'pro_rata' }, { rule: 'share', shareBasisPoints: 2500 });

async function state(hubId: string, applicationId: string): Promise<Record<string, string>> {
  const db = ctx.database.db;
  const one = async (q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as Record<string, string>;
  const award = await one(sql`
    SELECT a.credits_posted::text AS paid, a.debits_posted::text AS out, a.debits_pending::text AS owed
    FROM commitments c JOIN ledger_accounts a ON a.hub_id = c.hub_id AND a.id = c.award_account_id WHERE c.hub_id = ${hubId} AND c.id = ${applicationId}`);
  const rec = await one(sql`
    SELECT coalesce(sum(amount_due),0)::text AS due, coalesce(sum(repaid),0)::text AS repaid, coalesce(sum(written_off),0)::text AS written_off,
           coalesce(sum(amount_due - repaid - written_off) FILTER (WHERE status IN ('due','part_repaid','write_off_requested')),0)::text AS open,
           count(*)::text AS n, string_agg(status, ',' ORDER BY id) AS statuses
    FROM recoveries WHERE hub_id = ${hubId}`);
  const claws = await one(sql`SELECT coalesce(sum(amount),0)::text AS clawed FROM award_clawbacks WHERE hub_id = ${hubId}`);
  const findings = await one(sql`SELECT string_agg(status, ',' ORDER BY seq) AS statuses FROM obligation_findings WHERE hub_id = ${hubId}`);
  return { ...award, ...rec, ...claws, findings: findings.statuses ?? '' };
}

describe('obligations model (services, real PostgreSQL)', () => {
  it('money is conserved and the books verify after every step; refused steps change nothing', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(ruleArb, fc.array(opArb, { minLength: 4, maxLength: 12 }), async (recovery, ops) => {
        const w = await reviewedWorld(ctx, {
          review: { twoPersonThreshold: null, reviewersPerApplication: 1 },
          obligations: [{ key: 'stay', kind: 'stay_registered', months: 60, recovery }],
        });
        const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
        const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
        await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
        await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' });
        await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'paid in full' });
        const users: Record<Who, TestUser> = {
          officer: w.officer,
          officer2: w.officer2,
          finance: w.finance,
          finance2: await createTestUser(ctx, { hub: w.hub, roles: ['finance_officer'] }),
          founder: w.founder,
        };
        const today = localToday(w.hub.timeZone);
        for (const step of ops) {
          const before = await state(w.hub.id, w.application.id);
          const findings = (await w.call(w.officer, 'GET', '/obligation-findings')).json().items as { id: string; recovery: { id: string } | null }[];
          const last = findings.at(-1);
          let res;
          switch (step.op) {
            case 'move_out': {
              const asOf = new Date(Date.parse(`${today}T00:00:00Z`) - step.daysAgo * 86_400_000).toISOString().slice(0, 10);
              res = await w.call(w.officer, 'POST', `/organizations/${w.org.id}/facts`, {
                metric: 'registered_in_hub',
                asOf,
                quantity: '0',
                source: { note: 'moved' },
              });
              break;
            }
            case 'check':
              res = await w.call(w.officer, 'POST', '/obligation-checks');
              break;
            case 'decide':
              if (!last) continue;
              res = await w.call(users[step.who], 'POST', `/obligation-findings/${last.id}/decision`, { decision: step.decision, reason: 'model' });
              break;
            case 'appeal':
              if (!last) continue;
              res = await w.call(users[step.who], 'POST', `/obligation-findings/${last.id}/appeal`, { reason: 'model' });
              break;
            case 'repay':
              if (!last?.recovery) continue;
              res = await w.call(users[step.who], 'POST', `/recoveries/${last.recovery.id}/repayments`, { amount: step.fen.toString(), receivedOn: today });
              break;
            case 'write_off':
              if (!last?.recovery) continue;
              res = await w.call(users[step.who], 'POST', `/recoveries/${last.recovery.id}/write-off`, { reason: 'model' });
              break;
            case 'claw_back':
              res = await w.call(users[step.who], 'POST', w.at('/clawback'), { amount: step.fen.toString(), reason: 'model' });
              break;
          }
          expect(res.statusCode, `${step.op}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode < 300) reached.add(step.op);
          const after = await state(w.hub.id, w.application.id);
          if (res.statusCode >= 400) expect(after).toEqual(before);
          // What left the award is claw-backs plus repayments; what is pending is what is still owed.
          expect(BigInt(after.out!)).toBe(BigInt(after.clawed!) + BigInt(after.repaid!));
          expect(BigInt(after.owed!)).toBe(BigInt(after.open!));
          expect(BigInt(after.out!) + BigInt(after.owed!)).toBeLessThanOrEqual(BigInt(after.paid!));
          expect(BigInt(after.repaid!) + BigInt(after.written_off!)).toBeLessThanOrEqual(BigInt(after.due!));
        }
        expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
        expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
      }),
      // Sequences that reach money: the firm moves out, the check finds it, an officer decides it.
      {
        numRuns: 6,
        examples: [
          [
            { rule: 'pro_rata' },
            [
              { op: 'move_out', daysAgo: 0 },
              { op: 'check' },
              { op: 'decide', who: 'officer', decision: 'breach' },
              { op: 'repay', who: 'finance', fen: 1_000_000n },
              { op: 'write_off', who: 'finance' },
              { op: 'write_off', who: 'finance2' },
            ],
          ],
        ],
      },
    );
    // The runs went past decisions into money, or the checks above proved little.
    expect([...reached]).toEqual(expect.arrayContaining(['check', 'decide', 'repay', 'write_off']));
  }, 300_000);
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { AppError } from '../../platform/errors.js';
import { ledgerAccounts } from './budget.tables.js';
import { transferBetweenLines } from './budget.service.js';
import { clawBack } from './claw-back.js';
import { commit, disburse, release } from './commitments.service.js';
import { verifyLedger } from './ledger-verify.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Op =
  | { op: 'commit'; line: number; amount: number }
  | { op: 'disburse'; c: number; amount: number }
  | { op: 'release'; c: number }
  | { op: 'clawBack'; c: number; amount: number }
  | { op: 'transfer'; from: number; to: number; amount: number }
  | { op: 'retry'; k: number };

const amount = fc.integer({ min: 1, max: 600 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('commit' as const), line: fc.integer({ min: 0, max: 1 }), amount }),
  fc.record({ op: fc.constant('disburse' as const), c: fc.nat(), amount }),
  fc.record({ op: fc.constant('release' as const), c: fc.nat() }),
  fc.record({ op: fc.constant('clawBack' as const), c: fc.nat(), amount }),
  fc.record({ op: fc.constant('transfer' as const), from: fc.integer({ min: 0, max: 1 }), to: fc.integer({ min: 0, max: 1 }), amount }),
  fc.record({ op: fc.constant('retry' as const), k: fc.nat() }),
);

const LINES = ['line-a', 'line-b'];

/**
 * Model-based test: random sequences of commit / disburse / release / claw back / line
 * transfers, with retries of earlier calls under the same id, against a plain model.
 * After every step the real line balances equal the model's; at the end every ledger
 * invariant holds.
 */
describe('ledger model', () => {
  it('matches the model after every step, whatever the sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const hub = await createTestHub(ctx);
        const { caller, scope } = await fundedYear(ctx.database.db, hub, { 'line-a': 1000n, 'line-b': 500n });
        const line = LINES.map((_, i) => ({ credits: i === 0 ? 1000n : 500n, debits: 0n, pending: 0n }));
        const cs: { id: string; line: number; amount: bigint; posted: bigint; released: boolean; clawed: bigint }[] = [];
        const done: (() => Promise<unknown>)[] = [];
        const run = async (call: () => Promise<unknown>) => {
          try {
            await call();
            return 'ok';
          } catch (e) {
            if (e instanceof AppError) return e.code;
            throw e;
          }
        };
        const free = (i: number) => line[i]!.credits - line[i]!.debits - line[i]!.pending;

        for (const o of ops) {
          const id = randomUUID();
          if (o.op === 'commit') {
            const a = BigInt(o.amount);
            const cause = { type: 'award', id: randomUUID() };
            const call = () =>
              withTransaction(
                ctx.database.db,
                (tx) => commit(tx, caller, { transferId: id, year: 2026, lineCode: LINES[o.line]!, amount: a, cause }),
                ledgerTx,
              );
            const result = await run(call);
            if (a <= free(o.line)) {
              expect(result).toBe('ok');
              line[o.line]!.pending += a;
              cs.push({ id, line: o.line, amount: a, posted: 0n, released: false, clawed: 0n });
              done.push(call);
            } else expect(result).toBe('BUDGET_EXHAUSTED');
          } else if (o.op === 'disburse' || o.op === 'release' || o.op === 'clawBack') {
            const c = cs[o.c % Math.max(cs.length, 1)];
            if (!c) continue;
            const a = 'amount' in o ? BigInt(o.amount) : 0n;
            const call =
              o.op === 'disburse'
                ? () => withTransaction(ctx.database.db, (tx) => disburse(tx, caller, { transferId: id, commitmentId: c.id, amount: a }), ledgerTx)
                : o.op === 'release'
                  ? () => withTransaction(ctx.database.db, (tx) => release(tx, caller, { transferId: id, commitmentId: c.id }), ledgerTx)
                  : () => withTransaction(ctx.database.db, (tx) => clawBack(tx, caller, { transferId: id, commitmentId: c.id, amount: a }), ledgerTx);
            const result = await run(call);
            const l = line[c.line]!;
            if (o.op === 'disburse') {
              const expected = c.released ? 'COMMITMENT_RELEASED' : a > c.amount - c.posted ? 'COMMITMENT_EXCEEDED' : 'ok';
              expect(result).toBe(expected);
              if (expected === 'ok') {
                c.posted += a;
                l.pending -= a;
                l.debits += a;
                done.push(call);
              }
            } else if (o.op === 'release') {
              expect(result).toBe(c.released ? 'COMMITMENT_RELEASED' : 'ok');
              if (!c.released) {
                l.pending -= c.amount - c.posted;
                c.released = true;
                done.push(call);
              }
            } else {
              const expected = a <= c.posted - c.clawed ? 'ok' : 'CLAWBACK_EXCEEDS_PAID';
              expect(result).toBe(expected);
              if (expected === 'ok') {
                c.clawed += a;
                l.credits += a;
                done.push(call);
              }
            }
          } else if (o.op === 'transfer') {
            if (o.from === o.to) continue;
            const a = BigInt(o.amount);
            const call = () =>
              withTransaction(
                ctx.database.db,
                (tx) => transferBetweenLines(tx, scope, 2026, { transferId: id, fromLine: LINES[o.from]!, toLine: LINES[o.to]!, amount: a.toString() }),
                ledgerTx,
              );
            const result = await run(call);
            if (a <= free(o.from)) {
              expect(result).toBe('ok');
              line[o.from]!.debits += a;
              line[o.to]!.credits += a;
              done.push(call);
            } else expect(result).toBe('BUDGET_EXHAUSTED');
          } else {
            // A retry of an earlier accepted call, same id and terms: no second effect.
            const again = done[o.k % Math.max(done.length, 1)];
            if (again) expect(await run(again)).toBe('ok');
          }

          const rows = await ctx.database.db
            .select()
            .from(ledgerAccounts)
            .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.kind, 'budget_line')));
          for (const [i, code] of LINES.entries()) {
            const row = rows.find((r) => r.code === code)!;
            expect({ credits: row.creditsPosted, debits: row.debitsPosted, pending: row.debitsPending }, `${code} after ${o.op}`).toEqual(line[i]);
          }
        }
        expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
        // Commits append their audit events in SQL, the rest in TypeScript: one chain.
        expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
      }),
      { numRuns: 25 },
    );
  });
});

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { AppError } from '../../platform/errors.js';
import { commitments, ledgerAccounts, ledgerTransfers } from './budget.tables.js';
import { commit } from './commitments.service.js';
import { verifyLedger } from './ledger-verify.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';

let ctx: TestContext;
let wide: Database;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20);
});
afterAll(() => wide.close());

describe('ledger under concurrency (Jepsen bank rule)', () => {
  it('200 concurrent commits never overspend; each accepted one exists once, each refused one left nothing', async () => {
    const hub = await createTestHub(ctx);
    const LIMIT = 50_000n;
    const { caller } = await fundedYear(wide.db, hub, { hot: LIMIT });
    const eventsBefore = (await verifyAuditChain(wide.db, hub.id)).events;
    const attempts = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), amount: BigInt(100 + ((i * 7919) % 900)) }));
    const outcomes = await Promise.all(
      attempts.map(async (a) => {
        try {
          await withTransaction(
            wide.db,
            (tx) => commit(tx, caller, { transferId: a.id, year: 2026, lineCode: 'hot', amount: a.amount, cause: { type: 'award', id: a.id } }),
            ledgerTx,
          );
          return 'ok';
        } catch (e) {
          if (e instanceof AppError) return e.code;
          throw e;
        }
      }),
    );
    const accepted = attempts.filter((_, i) => outcomes[i] === 'ok');
    const refused = attempts.filter((_, i) => outcomes[i] !== 'ok');
    expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(new Set(refused.length ? ['BUDGET_EXHAUSTED'] : []));
    expect(refused.length).toBeGreaterThan(0);
    const committed = accepted.reduce((s, a) => s + a.amount, 0n);
    expect(committed).toBeLessThanOrEqual(LIMIT);

    const [line] = await wide.db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.code, 'hot')));
    expect(line!.debitsPending).toBe(committed);
    const stored = await wide.db
      .select({ id: ledgerTransfers.id })
      .from(ledgerTransfers)
      .where(and(eq(ledgerTransfers.hubId, hub.id), eq(ledgerTransfers.reason, 'commit')));
    expect(stored.map((s) => s.id).sort()).toEqual(accepted.map((a) => a.id).sort());
    const leftovers = await wide.db
      .select({ id: commitments.id })
      .from(commitments)
      .where(
        and(
          eq(commitments.hubId, hub.id),
          inArray(
            commitments.id,
            refused.map((r) => r.id),
          ),
        ),
      );
    expect(leftovers).toEqual([]);
    // Whatever was refused could not have fit: the line is nearly full.
    const smallestRefused = refused.reduce((m, r) => (r.amount < m ? r.amount : m), LIMIT);
    expect(LIMIT - committed).toBeLessThan(smallestRefused);
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
    expect(await verifyAuditChain(wide.db, hub.id)).toMatchObject({ break: null, events: eventsBefore + accepted.length });
  });

  it('the same commit retried concurrently applies once', async () => {
    const hub = await createTestHub(ctx);
    const { caller } = await fundedYear(wide.db, hub, { hot: 10_000n });
    const id = randomUUID();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withTransaction(
          wide.db,
          (tx) => commit(tx, caller, { transferId: id, year: 2026, lineCode: 'hot', amount: 700n, cause: { type: 'award', id } }),
          ledgerTx,
        ),
      ),
    );
    const [line] = await wide.db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.code, 'hot')));
    expect(line!.debitsPending).toBe(700n);
  });

  it('a process killed with SIGKILL mid-stream loses no acknowledged commit and leaves the books right', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(wide.db, hub, { hot: 100_000_000n });
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/ledger-crash-child.ts', hub.id], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    await new Promise<void>((resolve) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (acknowledged.length === 40) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    const stored = await wide.db
      .select({ id: ledgerTransfers.id })
      .from(ledgerTransfers)
      .where(and(eq(ledgerTransfers.hubId, hub.id), inArray(ledgerTransfers.id, acknowledged)));
    expect(stored).toHaveLength(acknowledged.length);
    // In-flight transactions of the killed process were rolled back, not half-applied.
    await wide.db.execute(sql`SELECT pg_sleep(0.2)`);
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
  });
});

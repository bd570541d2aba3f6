import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { withTransaction } from '../server/db/transaction.js';
import { createBudgetLine, openFiscalYear } from '../server/modules/budget/budget.service.js';
import { commit } from '../server/modules/budget/commitments.service.js';
import { verifyLedger } from '../server/modules/budget/ledger-verify.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { withBenchDatabase } from './bench-database.js';
import { closedLoop, int, ratio, table } from './support.js';

const SECONDS = Number(process.env.BENCH_LEDGER_SECONDS ?? 3);
const log = (line: string) => process.stdout.write(`  ${line}\n`);

/**
 * Commits per second on one hot budget line (1, 8, 32 clients) and spread over 100 cold
 * lines, against a baseline measured in the same run on the same database: a bare
 * single-row `UPDATE ... SET balance = balance - x WHERE balance >= x` loop on an
 * ordinary (logged, durable) table, each statement its own committed transaction.
 */
export async function runLedgerBench(): Promise<void> {
  await withBenchDatabase('ledger', 40, async ({ database }) => {
    const db = database.db;
    const slug = `bench-ledger-${randomUUID().slice(0, 8)}`;
    await createHub(db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
    const hub = await findHub(db, slug);
    const scope = { hub, actor: { userId: null, hubRoles: ['finance_officer' as const] } };
    const readCommitted = { isolation: 'read committed' as const };
    await withTransaction(db, (tx) => openFiscalYear(tx, scope, { year: 2026, revenue: '100000000000000', techShareBasisPoints: 1500 }));
    const lines = ['hot', ...Array.from({ length: 100 }, (_, i) => `cold-${i}`)];
    for (const code of lines) {
      await withTransaction(
        db,
        (tx) => createBudgetLine(tx, scope, 2026, { code, name: { zh: code, en: code }, amount: '100000000000', transferId: randomUUID() }),
        readCommitted,
      );
    }
    await db.execute(sql`DROP TABLE IF EXISTS bench_balance_plain`);
    await db.execute(sql`CREATE TABLE bench_balance_plain (id int PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0))`);
    await db.execute(sql`INSERT INTO bench_balance_plain VALUES (1, 1000000000000)`);

    const caller = { hubId: hub.id, actorId: null };
    const commitOn = (line: () => string) => async () => {
      const id = randomUUID();
      await commit(db, caller, { transferId: id, year: 2026, lineCode: line(), amount: 1n, cause: { type: 'bench', id } });
    };
    // As an award would: inside a transaction it opens (BEGIN, the call, COMMIT).
    const commitInTransaction = async () => {
      const id = randomUUID();
      await withTransaction(
        db,
        (tx) => commit(tx, caller, { transferId: id, year: 2026, lineCode: 'hot', amount: 1n, cause: { type: 'bench', id } }),
        readCommitted,
      );
    };
    const baseline = async () => {
      await db.execute(sql`UPDATE bench_balance_plain SET balance = balance - 1 WHERE id = 1 AND balance >= 1`);
    };
    let cold = 0;
    const rows: string[][] = [];
    const measure = async (name: string, clients: number, op: () => Promise<void>) => {
      const done = await closedLoop(op, clients, SECONDS);
      rows.push([name, String(clients), int(done / SECONDS)]);
      return done / SECONDS;
    };
    const base1 = await measure('baseline: single-row UPDATE', 1, baseline);
    const base8 = await measure('baseline: single-row UPDATE', 8, baseline);
    const hot1 = await measure(
      'commit, one hot line',
      1,
      commitOn(() => 'hot'),
    );
    await measure('commit in a caller transaction, hot line', 1, commitInTransaction);
    const hot8 = await measure(
      'commit, one hot line',
      8,
      commitOn(() => 'hot'),
    );
    const hot32 = await measure(
      'commit, one hot line',
      32,
      commitOn(() => 'hot'),
    );
    const cold32 = await measure(
      'commit, 100 cold lines',
      32,
      commitOn(() => `cold-${cold++ % 100}`),
    );
    const base32 = await measure('baseline: single-row UPDATE', 32, baseline);
    const baseFor = (clients: number) => (clients === 1 ? base1 : clients === 8 ? base8 : base32);
    const withRatio = rows.map((r) => [...r, ratio(Number(r[2]!.replaceAll(',', '')), baseFor(Number(r[1])))]);
    log(`${SECONDS} s per row; a commit = transfer row + two account totals + commitment + audit event, one transaction (one statement)`);
    process.stdout.write(table(['workload', 'clients', 'per s', 'vs baseline (same clients)'], withRatio) + '\n');
    log(`hot line 1/8/32 clients: ${int(hot1)} / ${int(hot8)} / ${int(hot32)} per s; 100 cold lines, 32 clients: ${int(cold32)} per s`);
    log('aim: hot line >= 0.5x the baseline; reference: pgledger reports ~7,500 transfers/s on hot accounts on a laptop');
    const problems = await verifyLedger(db, hub.id);
    log(`ledger verify after the run: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
  });
}

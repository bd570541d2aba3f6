import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { withTransaction } from '../server/db/transaction.js';
import { commit } from '../server/modules/budget/commitments.service.js';
import { createBudgetLine, openFiscalYear } from '../server/modules/budget/budget.service.js';
import { verifyLedger } from '../server/modules/budget/ledger-verify.js';
import { createProgram, publishProgram } from '../server/modules/programs/programs.service.js';
import { createAccount } from '../server/platform/auth/accounts.js';
import { createAuth } from '../server/platform/auth/auth.js';
import { loadConfig } from '../server/platform/config.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { computeVoucherDraft } from '../server/test/program-factories.js';
import { insertOrganizations } from './orgs.js';
import { withBenchDatabase } from './bench-database.js';
import { closedLoop, freePort, int, latency, ratio, table } from './support.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const WARMUP = Math.max(50, Math.round(500 * SCALE));
const MEASURED = Math.max(200, Math.round(4_000 * SCALE));
const CONNECTIONS = 10;
const LEDGER_SECONDS = 5;
const PASSWORD = 'bench password bench password 2026';
const log = (line: string) => process.stdout.write(`  ${line}\n`);

/**
 * Rule-only `submitApplication` (apply -> screen -> approve -> commit on the ledger ->
 * pay the unconditional tranche: two reads, then one call that writes it all with its
 * Idempotency-Key, as the web sends one) with autocannon, against two baselines in
 * the same run: bare calls of the ledger's commit function (one round trip each, on the same
 * budget line, from as many clients as autocannon has connections; the aim is >= 0.25x) and a
 * bare Fastify POST route. Each request applies for a different organisation (one
 * application per applicant), all owned by one signed-in founder.
 */
export async function runApplyBench(): Promise<void> {
  await withBenchDatabase('apply', 20, async ({ database, home }) => {
    let app: FastifyInstance | undefined;
    let bare: FastifyInstance | undefined;
    try {
      const db = database.db;
      const slug = `bench-apply-${randomUUID().slice(0, 8)}`;
      await createHub(db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
      const hub = await findHub(db, slug);
      const year = new Date().getUTCFullYear();
      const finance = { hub, actor: { userId: null, hubRoles: ['finance_officer' as const] } };
      await withTransaction(db, (tx) => openFiscalYear(tx, finance, { year, revenue: '100000000000000', techShareBasisPoints: 1500 }));
      await withTransaction(
        db,
        (tx) =>
          createBudgetLine(tx, finance, year, {
            code: 'compute-vouchers',
            name: { zh: '算力券', en: 'Compute vouchers' },
            amount: '1000000000000',
            transferId: randomUUID(),
          }),
        { isolation: 'read committed' },
      );
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const officer = { hub, actor: { userId: null, hubRoles: ['program_officer' as const] } };
      const draft = computeVoucherDraft({ fiscalYear: year, window: { opensOn: day(-1), closesOn: day(30) } });
      const program = await withTransaction(db, (tx) => createProgram(tx, officer, draft as never));
      await withTransaction(db, (tx) => publishProgram(tx, officer, program.id));

      const port = await freePort();
      const config = loadConfig({
        home,
        host: '127.0.0.1',
        port,
        authSecret: randomBytes(32).toString('base64url'),
        requestsPerMinute: 10_000_000,
        signInPerMinute: 1000,
        startJobs: false,
      });
      const email = `founder-${randomUUID()}@bench.example`;
      const userId = await createAccount(db, createAuth(db, config), { email, name: 'Bench Founder', password: PASSWORD });
      // Eligible startups in AI, all owned by the one founder.
      await insertOrganizations(db, hub.id, WARMUP + MEASURED);
      await db.execute(sql`UPDATE organizations SET kind = 'startup', sectors = '{ai}' WHERE hub_id = ${hub.id}`);
      await db.execute(
        sql`INSERT INTO organization_members (hub_id, organization_id, user_id, role) SELECT hub_id, id, ${userId}, 'owner' FROM organizations WHERE hub_id = ${hub.id}`,
      );
      await db.execute(sql`ANALYZE organizations; ANALYZE organization_members`);
      const { rows } = await db.execute<{ id: string }>(sql`SELECT id FROM organizations WHERE hub_id = ${hub.id} ORDER BY id`);
      const ids = rows.map((r) => r.id);

      app = await buildApp({ db, config, logger: false, webDir: '/nonexistent' });
      const base = await app.listen({ host: '127.0.0.1', port });
      bare = Fastify();
      bare.post('/apply', async (request) => ({
        id: randomUUID(),
        status: 'approved',
        echo: (request.body as { organizationId?: string }).organizationId ?? null,
      }));
      const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
      const cookie = await signIn(base, new URL(config.publicUrl).origin, email);

      const url = `${base}/api/hubs/${slug}/programs/${program.id}/applications`;
      const warm = await fire(url, cookie, setupFile(home, 'warm', ids.slice(0, WARMUP)), WARMUP);
      const measured = await fire(url, cookie, setupFile(home, 'measured', ids.slice(WARMUP)), MEASURED);
      const bareFigures = await fire(`${bareUrl}/apply`, undefined, setupFile(home, 'bare', ids), undefined, 5);
      const caller = { hubId: hub.id, actorId: null };
      const commits = await closedLoop(
        async () => {
          const id = randomUUID();
          await commit(db, caller, { transferId: id, year, lineCode: 'compute-vouchers', amount: 1n, cause: { type: 'bench', id } });
        },
        CONNECTIONS,
        LEDGER_SECONDS,
      );
      const commitsPerSecond = commits / LEDGER_SECONDS;
      const { rows: approved } = await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM applications WHERE hub_id = ${hub.id} AND status = 'approved'`,
      );

      log(`${int(MEASURED)} applications (after ${int(WARMUP)} to warm up), ${CONNECTIONS} connections, one organisation per request, scale ${SCALE}`);
      process.stdout.write(
        table(
          ['target', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'vs ledger commits', 'vs bare route', 'non-2xx'],
          [
            ['bare ledger commit calls (dg_ledger_commit)', int(commits), int(commitsPerSecond), '', '', '1.00x', '', ''],
            [
              'bare Fastify POST route',
              int(bareFigures.total),
              int(bareFigures.rps),
              latency(bareFigures.p50),
              latency(bareFigures.p99),
              '',
              '1.00x',
              int(bareFigures.non2xx),
            ],
            [
              'submitApplication (rule-only, committed)',
              int(measured.total),
              int(measured.rps),
              latency(measured.p50),
              latency(measured.p99),
              ratio(measured.rps, commitsPerSecond),
              ratio(measured.rps, bareFigures.rps),
              int(measured.non2xx),
            ],
          ],
        ) + '\n',
      );
      log(
        `approved in the database: ${int(approved[0]!.n)} of ${int(warm.total + measured.total)} sent; ledger verify: ${(await verifyLedger(db, hub.id)).length === 0 ? 'ok' : 'PROBLEMS'}`,
      );
      log('aim: submitApplication >= 0.25x the bare ledger commit calls');
      if (measured.non2xx) log(`WARNING: ${int(measured.non2xx)} non-2xx answers (e.g. ${measured.sample ?? '?'})`);
    } finally {
      await app?.close();
      await bare?.close();
    }
  });
}

/** autocannon runs in a worker thread, so its per-request hook is a file: each request takes the next organisation. */
function setupFile(home: string, name: string, ids: string[]): string {
  const file = path.join(home, `setup-${name}.cjs`);
  writeFileSync(
    file,
    `const ids = ${JSON.stringify(ids)}; let i = 0;
module.exports = (req) => {
  const n = i++;
  const unique = n + '-' + Math.random().toString(36).slice(2);
  req.body = JSON.stringify({ organizationId: ids[n % ids.length], answers: { contract_number: 'C-' + unique, contract_amount: '1000000', chips: 'domestic' } });
  req.headers = Object.assign({}, req.headers, { 'idempotency-key': 'bench-apply-' + unique });
  return req;
};\n`,
  );
  return file;
}

type Fired = { total: number; rps: number; p50: number; p99: number; non2xx: number; sample?: string };

async function fire(url: string, cookie: string | undefined, setupRequest: string, amount?: number, duration?: number): Promise<Fired> {
  // A cookie write comes from our own pages: it names their origin (the server refuses it otherwise).
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie && { cookie, origin: new URL(url).origin }) };
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    workers: 1,
    ...(amount ? { amount } : { duration }),
    requests: [{ method: 'POST', headers, setupRequest }],
  } as autocannon.Options);
  const total = r['2xx'] + r.non2xx;
  // autocannon's `duration` is in whole seconds (one sample a second): at 2,000 requests in
  // about 10 s that alone moves req/s by up to 10%; the run's own start and finish are exact.
  const seconds = (new Date(r.finish).getTime() - new Date(r.start).getTime()) / 1000;
  return { total, rps: total / (seconds || 1), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

async function signIn(base: string, origin: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

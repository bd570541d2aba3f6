import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { withTransaction } from '../server/db/transaction.js';
import { createAccount } from '../server/platform/auth/accounts.js';
import { createAuth } from '../server/platform/auth/auth.js';
import { sessionTokenOf } from '../server/platform/auth/session-cookie.js';
import { loadConfig } from '../server/platform/config.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub, grantHubRole } from '../server/platform/tenancy/tenancy.service.js';
import { insertOrganizations } from './orgs.js';
import { withBenchDatabase } from './bench-database.js';
import { bareAuthenticatedPage } from './bare-page.js';
import { freePort, int, latency, ms, ratio, table } from './support.js';

const ORGANIZATIONS = 10_000;
const CONNECTIONS = 10;
const WARMUP_S = 1;
const DURATION_S = 5;
const PASSWORD = 'bench password bench password 2026';

type Figures = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };
type Target = { name: string; url: string; cookie?: () => Promise<string>; check?: (body: unknown) => string };

/**
 * Throughput of the HTTP API on 10,000 organisations, against a bare Fastify route
 * measured in the same run: the ratio, not the absolute figure, is what compares
 * across machines and noisy neighbours.
 */
export async function runApiBench(): Promise<void> {
  const t = performance.now();
  // The pool size `dragongate serve` uses, so the app sees the same contention.
  await withBenchDatabase('api', 20, async ({ database, home, url }) => {
    let app: FastifyInstance | undefined;
    let bare: FastifyInstance | undefined;
    let barePool: pg.Pool | undefined;
    try {
      log(`database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'} ready and migrated in ${ms(performance.now() - t)} ms`);

      // A slug of its own, so a shared DATABASE_URL is never confused with another run's data.
      const slug = `bench-${randomUUID().slice(0, 8)}`;
      await createHub(database.db, {
        slug,
        name: { zh: '基准', en: `Bench ${slug}` },
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        currency: 'CNY',
        defaultLocale: 'en-US',
      });
      const hub = await findHub(database.db, slug);
      const insertMs = await insertOrganizations(database.db, hub.id, ORGANIZATIONS);
      // Fresh statistics, as autovacuum would have gathered on a live database; without
      // them the planner guesses and the figures depend on when autovacuum happens to run.
      await database.db.execute(sql`ANALYZE organizations`);
      log(`inserted ${int(ORGANIZATIONS)} organisations in ${ms(insertMs)} ms (${int(ORGANIZATIONS / (insertMs / 1000))} rows/s)`);

      // A real port rather than 0: publicUrl (hence the trusted origin better-auth checks
      // on sign-in) is derived from it, as in `dragongate serve`.
      const port = await freePort();
      const config = loadConfig({
        home,
        host: '127.0.0.1',
        port,
        authSecret: randomBytes(32).toString('base64url'),
        // The limits protect production from abuse; here they would cap the measurement.
        requestsPerMinute: 10_000_000,
        signInPerMinute: 1000,
        startJobs: false,
      });
      const email = `officer-${randomUUID()}@bench.example`;
      const userId = await createAccount(database.db, createAuth(database.db, config), { email, name: 'Bench Officer', password: PASSWORD });
      await withTransaction(database.db, (tx) => grantHubRole(tx, { hubId: hub.id, userId, role: 'program_officer', actorId: null }));

      app = await buildApp({ db: database.db, config, logger: false });
      const base = await app.listen({ host: '127.0.0.1', port });
      bare = Fastify();
      bare.get('/hello', async () => ({ hello: 'world', ok: true }));
      // The same page SELECT through a pool of the app's size, behind a signed-cookie check
      // (no session query): what listOrganizations costs without the framework around it.
      barePool = new pg.Pool({ connectionString: url, max: 20 });
      const context = await createAuth(database.db, config).$context;
      bare.get(
        '/page',
        bareAuthenticatedPage(barePool, hub.id, (cookie) => sessionTokenOf(cookie, context.authCookies.sessionToken.name, context.secret)),
      );
      const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

      // Signed in afresh before each authenticated target: the session cookie cache lasts
      // 60 s, and a run straddling its expiry would mix cached and uncached requests.
      const cookie = () => signIn(base, new URL(config.publicUrl).origin, email);
      const list = `${base}/api/hubs/${slug}/organizations?limit=50`;
      // A cursor deep into the list (organisation 7,500 in name order), as a user paging on would send.
      const deep = await nthPageCursor(list, await cookie(), 150);
      const targets: Target[] = [
        { name: 'bare authenticated SELECT', url: `${bareUrl}/page`, cookie, check: pageCheck },
        { name: 'bare Fastify route', url: `${bareUrl}/hello` },
        { name: 'getHub', url: `${base}/api/hubs/${slug}` },
        { name: 'listOrganizations', url: list, cookie, check: pageCheck },
        { name: 'bare authenticated SELECT q=robot', url: `${bareUrl}/page?q=robot`, cookie, check: pageCheck },
        { name: 'listOrganizations q=robot', url: `${list}&q=robot`, cookie, check: pageCheck },
        { name: 'bare authenticated SELECT page 150', url: `${bareUrl}/page?next=${deep}`, cookie, check: pageCheck },
        { name: 'listOrganizations page 150', url: `${list}&next=${deep}`, cookie, check: pageCheck },
        // The baseline again at the end: the ratios divide by the mean of both, and their
        // difference shows how much the machine drifted during the run.
        { name: 'bare authenticated SELECT (again)', url: `${bareUrl}/page`, cookie, check: pageCheck },
      ];

      log(`autocannon: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per target, loopback`);
      const results: Figures[] = [];
      for (const target of targets) {
        const headers = target.cookie ? { cookie: await target.cookie() } : undefined;
        const note = await probe(target, headers);
        const figures = await measure(target.name, target.url, headers);
        log(`  ${target.name}: ${int(figures.rps)} req/s${note ? ` (${note})` : ''}`);
        results.push(figures);
      }
      report(results);
      if (process.env.DATABASE_URL) log(`note: hub ${slug} and its ${int(ORGANIZATIONS)} organisations stay in the DATABASE_URL database`);
    } finally {
      await app?.close().catch(warn('closing the app'));
      await bare?.close().catch(warn('closing the bare app'));
      await barePool?.end().catch(warn('closing the bare pool'));
    }
  });
}

/** Signs in as a browser on our own page would: fetch sends Sec-Fetch-Mode, so better-auth wants an Origin. */
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

/** One request before the load: a target that does not answer 200 would measure an error page. */
async function probe(target: Target, headers?: Record<string, string>): Promise<string> {
  const res = await fetch(target.url, { headers });
  if (res.status !== 200) throw new Error(`${target.name}: ${res.status} ${await res.text()}`);
  const body: unknown = await res.json();
  return target.check ? target.check(body) : '';
}

function pageCheck(body: unknown): string {
  const page = body as { items: unknown[]; next: string | null };
  if (!page.items.length) throw new Error('empty page: the list would measure nothing');
  return `${page.items.length} items${page.next ? ', more after' : ''}`;
}

/** The `next` cursor that opens page `n` (1-based), followed page by page. */
async function nthPageCursor(list: string, cookie: string, n: number): Promise<string> {
  let next = '';
  for (let page = 1; page < n; page++) {
    const res = await fetch(next ? `${list}&next=${next}` : list, { headers: { cookie } });
    const body = (await res.json()) as { next: string | null };
    if (!body.next) throw new Error(`the list ends before page ${n}`);
    next = body.next;
  }
  return next;
}

async function measure(name: string, url: string, headers?: Record<string, string>): Promise<Figures> {
  // A worker thread for the load generator: on the server's own event loop it would
  // steal the time it is trying to measure.
  const options = { url, connections: CONNECTIONS, workers: 1, ...(headers && { headers }) };
  await autocannon({ ...options, duration: WARMUP_S });
  const r = await autocannon({ ...options, duration: DURATION_S });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

function report(results: Figures[]): void {
  const first = results[0]!;
  const again = results.at(-1)!;
  // The mean of the baseline before and after: a neighbour's burst during either one
  // then skews every ratio by half as much.
  const bare = (first.rps + again.rps) / 2;
  const hello = results.find((r) => r.name === 'bare Fastify route')!;
  // Each list against the bare route running its own SQL (the search, the deep page).
  const sameSql = (r: Figures) => {
    if (!r.name.startsWith('listOrganizations')) return '';
    const own = results.find((b) => b.name === r.name.replace('listOrganizations', 'bare authenticated SELECT'));
    return ratio(r.rps, own && r.name !== 'listOrganizations' ? own.rps : bare);
  };
  const rows = results.map((r) => [r.name, int(r.rps), latency(r.p50), latency(r.p99), ratio(r.rps, bare), sameSql(r), ratio(r.rps, hello.rps), int(r.non2xx)]);
  log('');
  log(table(['target', 'req/s', 'p50 ms', 'p99 ms', 'vs bare SELECT', 'vs same SQL bare', 'vs hello', 'non-2xx'], rows));
  log('');
  log('  aim: listOrganizations >= 0.5x the bare authenticated route running the same page SELECT through pg ("vs same SQL bare")');
  log('  latency resolution is 1 ms (autocannon); req/s is the mean over the measured seconds');
  log(`  "vs bare SELECT" divides by the mean of its two runs (${int(bare)} req/s); they differ by ${ratio(again.rps, first.rps)}, a measure of the noise`);
  for (const r of results) {
    if (r.non2xx > 0) log(`  WARNING: ${r.name}: ${int(r.non2xx)} non-2xx responses; its figures measure errors`);
    if (r.errors > 0) log(`  WARNING: ${r.name}: ${int(r.errors)} connection errors or timeouts`);
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const warn = (what: string) => (error: unknown) => log(`  warning: ${what}: ${error instanceof Error ? error.message : String(error)}`);

import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { generateEcosystem } from '../server/db/synthetic.js';
import { withTransaction } from '../server/db/transaction.js';
import { touchEcosystem } from '../server/modules/ecosystem/summaries.js';
import { createAccount } from '../server/platform/auth/accounts.js';
import { createAuth } from '../server/platform/auth/auth.js';
import { loadConfig } from '../server/platform/config.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub, grantHubRole } from '../server/platform/tenancy/tenancy.service.js';
import { withBenchDatabase } from './bench-database.js';
import { freePort, int, ms, table } from './support.js';

const FULL = { organizations: 100_000, people: 200_000, relations: 500_000 };
const WARMUP = 5;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? '60');
const RECOMPUTED = Number(process.env.BENCH_RECOMPUTED ?? '10');
const PASSWORD = 'bench password bench password 2026';

/**
 * Latency of the ecosystem's read paths at import-bench size (BENCH_SCALE, default 0.1):
 * the talent pipeline, a two-hub comparison and name search, one request at a time over
 * HTTP on 127.0.0.1, so p50/p95 are what one user waits. The pipeline and comparison are
 * measured twice: served from the stored summaries, and recomputed on every request (the
 * baseline, in the same run).
 */
export async function runInsightsBench(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '0.1');
  const size = (f: number) => ({
    organizations: Math.round(FULL.organizations * scale * f),
    people: Math.round(FULL.people * scale * f),
    relations: Math.round(FULL.relations * scale * f),
  });
  await withBenchDatabase('insights', 20, async ({ database, home }) => {
    let app: FastifyInstance | undefined;
    try {
      const db = database.db;
      const [a, b] = [`bench-a-${randomUUID().slice(0, 6)}`, `bench-b-${randomUUID().slice(0, 6)}`];
      for (const slug of [a, b])
        await createHub(db, {
          slug,
          name: { zh: '基准', en: `Bench ${slug}` },
          country: 'CN',
          timeZone: 'Asia/Shanghai',
          currency: 'CNY',
          defaultLocale: 'en-US',
        });
      const hubA = await findHub(db, a);
      const t = performance.now();
      await generateEcosystem(db, hubA.id, size(1));
      await generateEcosystem(db, (await findHub(db, b)).id, size(0.25));
      await db.execute(sql`ANALYZE`);
      const s = size(1);
      log(
        `scale ${scale} (BENCH_SCALE): hub A ${int(s.organizations)} organisations, ${int(s.people)} people, ${int(s.relations)} relations; hub B a quarter of that (generated in ${ms(performance.now() - t)} ms)`,
      );

      const port = await freePort();
      const config = loadConfig({
        home,
        host: '127.0.0.1',
        port,
        authSecret: randomBytes(32).toString('base64url'),
        logLevel: 'warn',
        requestsPerMinute: 10_000_000,
        signInPerMinute: 1000,
        startJobs: false,
      });
      const email = `officer-${randomUUID()}@bench.example`;
      const userId = await createAccount(db, createAuth(db, config), { email, name: 'Bench Officer', password: PASSWORD });
      await withTransaction(db, (tx) => grantHubRole(tx, { hubId: hubA.id, userId, role: 'program_officer', actorId: null }));
      app = await buildApp({ db, config, logger: false });
      const base = await app.listen({ host: '127.0.0.1', port });
      const cookie = await signIn(base, new URL(config.publicUrl).origin, email);

      const hubB = await findHub(db, b);
      // Raising the counters before each request (untimed) makes every one recompute: the
      // baseline, what each request cost before the summaries were stored.
      const stale = async () => {
        await touchEcosystem(db, hubA.id);
        await touchEcosystem(db, hubB.id);
      };
      // The university with the most founders: the detail the page opens first (with its employers).
      const top = ((await (await fetch(`${base}/api/hubs/${a}/talent-pipeline`)).json()) as { universities: { university: { id: string } }[] })
        .universities[0]!;
      const targets: { name: string; url: string; cookie?: string; before?: () => Promise<void>; requests?: number }[] = [
        { name: 'GET talent-pipeline (stored summary)', url: `${base}/api/hubs/${a}/talent-pipeline` },
        { name: 'GET talent-pipeline (recomputed)', url: `${base}/api/hubs/${a}/talent-pipeline`, before: stale, requests: RECOMPUTED },
        { name: 'GET talent-pipeline?university= (stored)', url: `${base}/api/hubs/${a}/talent-pipeline?university=${top.university.id}` },
        { name: 'GET compare (2 hubs, stored)', url: `${base}/api/compare?hubs=${a},${b}` },
        { name: 'GET compare (2 hubs, recomputed)', url: `${base}/api/compare?hubs=${a},${b}`, before: stale, requests: RECOMPUTED },
        { name: 'GET search q=robot', url: `${base}/api/hubs/${a}/search?q=robot`, cookie },
        { name: 'GET search q=王', url: `${base}/api/hubs/${a}/search?q=${encodeURIComponent('王')}`, cookie },
        { name: 'GET search q=Wei Wang 12', url: `${base}/api/hubs/${a}/search?q=${encodeURIComponent('Wei Wang 12')}`, cookie },
      ];
      const rows: string[][] = [];
      const p95 = new Map<string, number>();
      for (const target of targets) {
        const times: number[] = [];
        for (let i = 0; i < WARMUP + (target.requests ?? REQUESTS); i++) {
          if (target.before && i >= WARMUP) await target.before();
          const started = performance.now();
          // As a browser asks: brotli first (Node's fetch alone would ask for gzip only).
          const res = await fetch(target.url, { headers: { 'accept-encoding': 'br, gzip', ...(target.cookie ? { cookie: target.cookie } : {}) } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${target.name}: ${res.status}`);
          if (i >= WARMUP) times.push(performance.now() - started);
        }
        times.sort((x, y) => x - y);
        rows.push([target.name, ms(pct(times, 50)), ms(pct(times, 95)), ms(times.at(-1)!)]);
        p95.set(target.name, pct(times, 95));
        log(`  ${target.name}: p50 ${ms(pct(times, 50))} ms`);
      }
      log('');
      log(table(['request', 'p50 ms', 'p95 ms', 'max ms'], rows));
      log('');
      const vs = (stored: string, recomputed: string) => (p95.get(stored)! / p95.get(recomputed)!).toFixed(3);
      log(`  p95 stored / recomputed: talent pipeline ${vs(targets[0]!.name, targets[1]!.name)}x, compare ${vs(targets[3]!.name, targets[4]!.name)}x`);
      log('  aim: talent pipeline and hub comparison p95 < 100 ms at 100,000 organisations (BENCH_SCALE=1)');
      log(
        `  ${REQUESTS} sequential requests per target (BENCH_REQUESTS; recomputed rows ${RECOMPUTED}, BENCH_RECOMPUTED) after ${WARMUP} warm-up ones, loopback, fetch`,
      );
    } finally {
      await app?.close().catch(() => {});
    }
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

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

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

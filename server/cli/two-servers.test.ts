import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startServe, type RunningServer } from '../test/cli-process.js';

// Two `serve` processes on one database (one DRAGONGATE_HOME, so one embedded
// PostgreSQL), as several stateless servers behind a load balancer would run.
const home = mkdtempSync(path.join(tmpdir(), 'dragongate-two-'));
const env = cliEnv(home, { DRAGONGATE_SIGNIN_PER_MINUTE: '5' });
const password = 'a long passphrase for two servers';
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  expect((await runCli(['seed'], env)).code).toBe(0);
  expect((await runCli(['users', 'create', '--email', 'two@servers.example', '--password', password], env)).code).toBe(0);
  a = await startServe(env);
  b = await startServe(env);
}, 300_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  rmSync(home, { recursive: true, force: true });
});

const signIn = (server: RunningServer, pass: string) =>
  fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'two@servers.example', password: pass }),
  });

describe('two servers on one database', () => {
  it(
    'a session made on one works on the other; sign-in limits are shared; an idempotent write sent to both takes effect once',
    { timeout: 120_000 },
    async () => {
      const res = await signIn(a, password);
      expect(res.status).toBe(200);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .join('; ');
      for (const server of [a, b]) expect((await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()).user.email).toBe('two@servers.example');

      // The same Idempotency-Key to both at once: one organisation, the same answer twice.
      const key = randomUUID();
      const body = JSON.stringify({
        kind: 'startup',
        name: { zh: '双服测试', en: `Two Servers ${key.slice(0, 6)}` },
        uscc: '91330100MA2DEMB7XX',
        foundedOn: '2025-01-01',
        sectors: ['ai'],
      });
      const create = (server: RunningServer) =>
        fetch(`${server.url}/api/hubs/hangzhou/organizations`, {
          method: 'POST',
          headers: { cookie, origin: server.url, 'content-type': 'application/json', 'idempotency-key': key },
          body,
        });
      const answers = await Promise.all([create(a), create(b), create(a), create(b)]);
      const ids = await Promise.all(answers.map(async (r) => (r.status === 201 ? ((await r.json()) as { id: string }).id : `status ${r.status}`)));
      expect(new Set(ids)).toEqual(new Set([ids[0]]));
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);

      // Sign-in attempts are counted in the database: 5 a minute from one address, whichever
      // server answers (one was used above). Alternating, the sixth is refused.
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await signIn(i % 2 ? a : b, 'not the password, not at all')).status);
      expect(codes).toEqual([401, 401, 401, 401, 429]);
    },
  );

  it('a scheduled job runs once a minute, not once per server', { timeout: 240_000 }, async () => {
    const { port, password: secret } = JSON.parse(readFileSync(path.join(home, 'pg.json'), 'utf8')) as { port: number; password: string };
    const client = new pg.Client({ connectionString: `postgres://dragongate:${encodeURIComponent(secret)}@127.0.0.1:${port}/dragongate` });
    await client.connect();
    try {
      // Both servers schedule the every-minute jobs. A minute's run is one job of pg-boss's
      // scheduler (__pgboss__send-it, one per minute slot), whose worker then sends the job
      // itself; under load that worker may run late, so two minutes' jobs can be created in
      // one clock minute. Once per minute means: never more jobs than minute slots, counted
      // in one snapshot (a job's slot row is always committed before the job).
      const counts = async () =>
        (
          await client.query<{ jobs: number; slots: number }>(
            `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name = 'offer-stay-beds') AS jobs,
                    (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data ->> 'name' = 'offer-stay-beds') AS slots`,
          )
        ).rows[0]!;
      for (let i = 0; i < 200 && (await counts()).jobs < 2; i++) await new Promise((r) => setTimeout(r, 1000));
      const { jobs, slots } = await counts();
      expect(jobs).toBeGreaterThanOrEqual(2);
      expect(jobs).toBeLessThanOrEqual(slots);
    } finally {
      await client.end();
    }
  });
});

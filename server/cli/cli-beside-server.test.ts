import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startServe, type RunningServer } from '../test/cli-process.js';

// A real `serve` (child process, embedded PostgreSQL) and every CLI command run beside it
// with the same DRAGONGATE_HOME: the commands use the server's database without owning it.
const home = mkdtempSync(path.join(tmpdir(), 'dragongate-beside-'));
const env = cliEnv(home);
const work = mkdtempSync(path.join(tmpdir(), 'dragongate-beside-files-'));
let server: RunningServer;
const failures: string[] = [];
let polling = true;
let polls = 0;
let poller: Promise<void>;

const postmasterPid = () => Number(readFileSync(path.join(home, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  // Hubs first (no demo seed on the server's first run), then the server.
  expect((await runCli(['seed'], env)).code).toBe(0);
  server = await startServe(env);
  // Health and a public read, over and over, the whole time the commands run.
  poller = (async () => {
    while (polling) {
      for (const url of ['/api/health', '/api/hubs']) {
        const status = await fetch(server.url + url).then(
          (r) => r.status,
          (e: Error) => e.message,
        );
        polls++;
        if (status !== 200) failures.push(`${url}: ${status}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}, 240_000);

afterAll(async () => {
  polling = false;
  await poller;
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

describe('the CLI beside a running server', () => {
  it('runs every command against the server database and never stops it; the last one out stops it', { timeout: 600_000 }, async () => {
    const pid = postmasterPid();
    const password = 'a long operator passphrase 2026';
    const csv = path.join(work, 'synthetic.csv');
    const commands: string[][] = [
      ['migrate'],
      ['seed'],
      ['users', 'create', '--email', 'ops@beside.example', '--password', password, '--hub', 'hangzhou', '--role', 'hub_admin'],
      ['seed', '--synthetic', '--orgs', '40', '--hub', 'beside'],
      ['export', csv, '--hub', 'beside'],
      ['import', csv, '--hub', 'hangzhou', '--dry-run'],
      ['import', csv, '--hub', 'hangzhou'],
      ['match', '--hub', 'hangzhou'],
      ['audit', 'verify'],
      ['audit', 'export', path.join(work, 'hangzhou-audit.jsonl'), '--hub', 'hangzhou'],
      ['audit', 'export', path.join(work, 'deployment-audit.csv'), '--hub', 'deployment', '--format', 'csv'],
      ['ledger', 'verify'],
      ['jobs', 'run', 'award-conditions', '--hub', 'hangzhou'],
      ['jobs', 'run', 'schedule-matching'],
      ['backup', path.join(work, 'beside.backup.gz')],
    ];
    let cookie = '';
    for (const args of commands) {
      const result = await runCli(args, env);
      expect(result.code, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
      if (args[0] === 'import' && args.length === 4) expect(result.stdout).toMatch(/Written: 40 organisations/);
      if (args[0] === 'jobs') expect(result.stdout).toContain(`${args[2]}${args[4] ? ` (${args[4]})` : ''}: done in`);
      // An export is whole (the partial file renamed at the end) and its lines are the chain's events.
      if (args[1] === 'export') {
        const lines = readFileSync(args[2]!, 'utf8').trim().split('\n');
        expect(lines.length, args.join(' ')).toBeGreaterThan(1);
        if (args[2]!.endsWith('.jsonl')) expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, hash: expect.any(String) });
        expect(existsSync(`${args[2]}.partial`)).toBe(false);
      }
      // After each command: the database is the server's still, and requests work.
      expect(postmasterPid()).toBe(pid);
      expect(alive(pid)).toBe(true);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      if (!cookie && args[0] === 'users') cookie = await signIn('ops@beside.example', password);
      if (cookie) {
        const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
        expect(me.status).toBe(200);
        const write = await fetch(`${server.url}/api/hubs/hangzhou/api-tokens`, {
          method: 'POST',
          headers: { cookie, origin: server.url, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `after ${args.slice(0, 2).join(' ')}`,
            roles: ['program_officer'],
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          }),
        });
        expect(write.status, await write.text()).toBe(201);
      }
    }
    expect(polls).toBeGreaterThan(20);
    expect(failures).toEqual([]);

    // The server was the last one using the database: stopping it stops PostgreSQL too.
    polling = false;
    await poller;
    // async-exit-hook ends a SIGTERMed process with 128 + 15.
    expect(await server.stop()).toBe(143);
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(home, 'pg', 'postmaster.pid'))).toBe(false);
  });
});

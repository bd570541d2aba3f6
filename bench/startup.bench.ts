import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensurePostgresGone, freePort, int, ratio, removeHome, root, settlesWithin, sleep, table, tempHome, trackChild, waitFor } from './support.js';

const FIRST_RUN_LIMIT_MS = 120_000; // initdb + migrations + demo seed on a slow shared machine
const POLL_MS = 50;
const STOP_LIMIT_MS = 30_000;

type Start = { label: string; readyMs: number; stopMs: number; seeded: boolean; errors: number; firstError: string; postgres: string };

/**
 * Cold `dragongate serve` to the first healthy response, as a person running it sees
 * it: first on an empty DRAGONGATE_HOME (creates the cluster, migrates, seeds), then
 * again on the same home (everything already there).
 */
export async function runStartupBench(): Promise<void> {
  const home = tempHome('startup');
  try {
    const first = await coldStart(home, 'first run (new cluster, migrate, seed)');
    const second = await coldStart(home, 'second run (same home, no seed)');
    const rows = [first, second].map((s) => [s.label, int(s.readyMs), s.seeded ? 'yes' : 'no', int(s.stopMs), s.postgres, int(s.errors)]);
    log('');
    log(table(['start', 'ready ms', 'seeded', 'stop ms', 'postgres after exit', 'error logs'], rows));
    log('');
    log(`  second/first: ${ratio(second.readyMs, first.readyMs)}`);
    for (const s of [first, second]) {
      if (s.postgres !== 'clean') log(`  WARNING: ${s.label}: PostgreSQL outlived the server (${s.postgres})`);
      if (s.errors > 0) log(`  note: ${s.label}: the server logged ${s.errors} error line(s) between start and exit; first: ${s.firstError}`);
    }
  } finally {
    // Whatever happened above, nothing may keep running on this folder once it is gone.
    await ensurePostgresGone(home).catch(() => {});
    await removeHome(home);
  }
}

async function coldStart(home: string, label: string): Promise<Start> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DRAGONGATE_HOME: home, HOST: '127.0.0.1' };
  // The embedded PostgreSQL is the point of the measurement; an external one would skip it.
  delete env.DATABASE_URL;
  delete env.PORT;
  delete env.PUBLIC_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/dragongate.mjs'), 'serve', '--demo', '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  const output = watch(child);
  try {
    const readyMs = (await untilHealthy(child, port, output)) - started;
    const stop = await stopServer(child);
    const postgres = await ensurePostgresGone(home);
    log(`  ${label}: healthy after ${int(readyMs)} ms`);
    return { label, readyMs, stopMs: stop, seeded: output.seeded(), errors: output.errors(), firstError: output.firstError(), postgres };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Time (performance.now) of the first 200 from /api/health; fails if the server exits or hangs. */
async function untilHealthy(child: ChildProcess, port: number, output: Output): Promise<number> {
  const deadline = performance.now() + FIRST_RUN_LIMIT_MS;
  const url = `http://127.0.0.1:${port}/api/health`;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`dragongate serve exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output.text()}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (res) => {
        await res.arrayBuffer(); // drain, so the connection is released
        return res.status === 200;
      },
      () => false, // not listening yet
    );
    if (ok) return performance.now();
    await sleep(POLL_MS);
  }
  throw new Error(`dragongate serve not healthy after ${FIRST_RUN_LIMIT_MS / 1000} s:\n${output.text()}`);
}

/** SIGTERM, which makes the server close and stop its PostgreSQL; SIGKILL if it hangs. */
async function stopServer(child: ChildProcess): Promise<number> {
  const started = performance.now();
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<void>((resolve) => (gone() ? resolve() : child.once('exit', () => resolve())));
  // 'close' follows once the output pipes are drained: the banner must be read in full.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGTERM');
  if (!(await settlesWithin(exited, STOP_LIMIT_MS))) {
    log(`  WARNING: server still running ${STOP_LIMIT_MS / 1000} s after SIGTERM; killing it`);
    child.kill('SIGKILL');
    await waitFor(gone, 5_000);
  }
  const stopMs = performance.now() - started;
  await settlesWithin(closed, 2_000);
  return stopMs;
}

type Output = { text: () => string; seeded: () => boolean; errors: () => number; firstError: () => string };

/**
 * The last lines the server printed (for the error message if it fails to start),
 * whether its banner said it seeded, and how many error lines it logged (pino levels
 * 50 and 60). Read line by line as the output streams: the shutdown logs can push the
 * banner out of the tail.
 */
function watch(child: ChildProcess): Output {
  let buffer = '';
  let seeded = false;
  let errors = 0;
  let firstError = '';
  const follow = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      buffer = (buffer + text).slice(-8_000);
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.includes('(demo data seeded)')) seeded = true;
        if (/"level":(50|60)\b/.test(line) && errors++ === 0) firstError = summary(line);
      }
    });
  };
  follow(child.stdout);
  follow(child.stderr);
  return { text: () => buffer, seeded: () => seeded, errors: () => errors, firstError: () => firstError };
}

/** "msg: err.message" of a pino JSON line, so the report says what went wrong without the stack. */
function summary(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return [entry.msg, entry.err?.message].filter(Boolean).join(': ').slice(0, 200);
  } catch {
    return line.slice(0, 200);
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so benches work from any working directory. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True if `promise` settles within `ms`; the timer is cleared, so it never holds the process open. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// --- cleanup ------------------------------------------------------------------------
// Each bench cleans up in its own `finally`. These registries are the safety net for
// the cases a `finally` never sees: Ctrl-C, or an exception escaping to process exit.
// The exit handler must be synchronous, so it only signals and deletes.

const homes = new Set<string>();
const children = new Set<ChildProcess>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    for (const home of homes) {
      // The startup bench's PostgreSQL is a grandchild: only its pid file names it.
      const pid = postmasterPid(home);
      if (pid !== null && alive(pid)) process.kill(pid, 'SIGINT');
      rmSync(home, { recursive: true, force: true });
    }
  });
  // Without this, Ctrl-C would kill the process without running the 'exit' handler.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

/** A fresh temp folder that is removed even if the bench dies. */
export function tempHome(prefix: string): string {
  hookExit();
  const home = mkdtempSync(path.join(tmpdir(), `dragongate-bench-${prefix}-`));
  homes.add(home);
  return home;
}

export async function removeHome(home: string): Promise<void> {
  await rm(home, { recursive: true, force: true });
  homes.delete(home);
}

/** Remembers a spawned server so a dying bench does not leave it running. */
export function trackChild(child: ChildProcess): void {
  hookExit();
  children.add(child);
  child.once('exit', () => children.delete(child));
}

// --- processes ----------------------------------------------------------------------

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's pid from `<home>/pg/postmaster.pid`, or null when the file is gone. */
export function postmasterPid(home: string): number | null {
  const file = path.join(home, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Makes sure no PostgreSQL is left running on `home`: waits for a clean shutdown, then
 * asks for a fast one (SIGINT), then SIGKILL. Returns what it had to do, for the report.
 */
export async function ensurePostgresGone(home: string): Promise<'clean' | 'waited' | 'stopped' | 'killed' | 'stale pid file'> {
  const pid = postmasterPid(home);
  if (pid === null) return 'clean';
  if (!alive(pid)) return 'stale pid file';
  if (await waitFor(() => !alive(pid), 5_000)) return 'waited';
  process.kill(pid, 'SIGINT');
  if (await waitFor(() => !alive(pid), 10_000)) return 'stopped';
  process.kill(pid, 'SIGKILL');
  await waitFor(() => !alive(pid), 5_000);
  return 'killed';
}

export async function waitFor(check: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(everyMs);
  }
  return check();
}

/** A port free on loopback right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// --- output -------------------------------------------------------------------------

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => (n >= 100 ? int(n) : n.toFixed(1));
/** Two decimals, or two significant digits below 0.1x so a small ratio does not read 0.00x. */
export const ratio = (value: number, base: number) => {
  if (!(base > 0)) return 'n/a';
  const r = value / base;
  return `${r >= 0.1 || r === 0 ? r.toFixed(2) : r.toPrecision(2)}x`;
};
/** autocannon records latency in whole milliseconds: a 0 means under one. */
export const latency = (n: number) => (n < 1 ? '<1' : int(n));

/** Left-aligns the first column, right-aligns the figures. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

/** A write's rate beside its baseline's, measured in the same run on one database. */
export type Throughput = { workload: string; perSecond: number; baseline: string; basePerSecond: number };

/** `workload` ("createLease, 100 clients, 4 units") beside raw INSERTs under the same conditions. */
export const beside = (workload: string, perSecond: number, basePerSecond: number): Throughput => ({
  workload,
  perSecond,
  baseline: `baseline: raw INSERT${workload.slice(workload.indexOf(','))}`,
  basePerSecond,
});

/**
 * Each workload and its baseline, per second and as a ratio, one pair of columns per
 * database (`labels[i]` measured `results[i]`), so single node and Citus read side by side.
 */
export function besideTable(labels: string[], results: Throughput[][]): string {
  const header = ['workload', ...labels.flatMap((l) => [`${l} /s`, 'vs baseline'])];
  const rows = results[0]!.flatMap((first, i) => [
    [first.workload, ...results.flatMap((r) => [int(r[i]!.perSecond), ratio(r[i]!.perSecond, r[i]!.basePerSecond)])],
    [first.baseline, ...results.flatMap((r) => [int(r[i]!.basePerSecond), '1.00x'])],
  ]);
  return table(header, rows);
}

/** Runs `op` back to back on `clients` concurrent loops for `seconds`; returns how many finished. */
export async function closedLoop(op: () => Promise<void>, clients: number, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        await op();
        done++;
      }
    }),
  );
  return done;
}

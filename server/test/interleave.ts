import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';

/**
 * Two transactions on two connections of `db` (a pool of at least three), ordered by locks,
 * never by time: `first` runs up to its commit and waits there; `second` starts then, and
 * once PostgreSQL shows it waiting on a lock (or it is over without waiting), `first`
 * commits and `second` goes on.
 */
export async function interleave<A, B>(db: Db, first: (tx: Tx) => Promise<A>, second: (tx: Tx) => Promise<B>): Promise<[A, B]> {
  let commit!: () => void;
  const mayCommit = new Promise<void>((resolve) => (commit = resolve));
  let ready!: () => void;
  const atCommit = new Promise<void>((resolve) => (ready = resolve));
  const a = withTransaction(db, async (tx) => {
    const out = await first(tx);
    ready();
    await mayCommit;
    return out;
  });
  await Promise.race([atCommit, a]);
  let pid!: (n: number) => void;
  const backend = new Promise<number>((resolve) => (pid = resolve));
  let over = false;
  const b = withTransaction(db, async (tx) => {
    pid((await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid);
    return second(tx);
  }).finally(() => (over = true));
  const id = await Promise.race([backend, b.then(() => 0)]);
  while (!over) {
    const { rows } = await db.execute<{ wait: string | null }>(sql`SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = ${id}`);
    if (rows[0]?.wait === 'Lock') break;
  }
  commit();
  return Promise.all([a, b]);
}

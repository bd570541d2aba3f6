import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { RateLimited } from '../errors.js';

export type HubLimit = { hubId: string; key: string; max: number; windowSeconds: number };

/**
 * Counts one use of a limit shared by every server (a row of `hub_rate_counts`), and
 * refuses the use past `max` in the window: 429 `RATE_LIMITED` with the seconds until the
 * window ends. One statement outside the caller's transaction, so a use counts whatever the
 * request does next; the upsert takes the row's lock, so uses at once are counted one by one.
 * The window starts at a key's first use and ends `windowSeconds` later (as
 * @fastify/rate-limit's own windows do). The moment is the server's, a parameter.
 */
export async function takeHubLimit(db: Db, limit: HubLimit, now = new Date()): Promise<void> {
  const at = now.toISOString();
  // A window that began at or before this moment is over. A bare parameter compared with the
  // column (its type inferred, no cast): Citus takes only immutable functions in an upsert's SET.
  const expired = sql`c.window_start <= ${new Date(now.getTime() - limit.windowSeconds * 1000).toISOString()}`;
  const { rows } = await db.execute<{ count: number; window_start: string }>(sql`
    INSERT INTO hub_rate_counts AS c (hub_id, key, window_start, count)
    VALUES (${limit.hubId}, ${limit.key}, ${at}::timestamptz, 1)
    ON CONFLICT (hub_id, key) DO UPDATE SET
      window_start = CASE WHEN ${expired} THEN EXCLUDED.window_start ELSE c.window_start END,
      count = CASE WHEN ${expired} THEN 1 ELSE c.count + 1 END
    RETURNING count, window_start`);
  const row = rows[0]!;
  if (row.count <= limit.max) return;
  const ends = new Date(row.window_start).getTime() + limit.windowSeconds * 1000;
  throw new RateLimited(Math.max(1, Math.ceil((ends - now.getTime()) / 1000)));
}

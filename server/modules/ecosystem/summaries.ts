import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';

export type SummaryKind = 'talent_pipeline' | 'hub_comparison';

/**
 * Marks the hub's ecosystem aggregates out of date: one statement, in the caller's
 * transaction, so a summary can never be served beside rows it has not counted.
 */
export async function touchEcosystem(tx: Pick<Tx, 'execute'>, hubId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO ecosystem_versions (hub_id, version) VALUES (${hubId}, 1)
    ON CONFLICT (hub_id) DO UPDATE SET version = ecosystem_versions.version + 1`);
}

/**
 * The columns `view` cuts out of a hub's summary of `kind` (its body by default): read from the stored one while
 * the hub's counter has not moved (one indexed statement), else computed by `compute` in a
 * REPEATABLE READ snapshot together with the counter it saw, stored under that counter
 * (never over a newer one), and cut by the same `view` in SQL. So what is served always
 * equals a recomputation from the rows of the latest committed write, and a request reads
 * only the part it needs. Inside a caller's transaction it is computed there, not stored.
 */
export async function summary<V extends Record<string, unknown>>(
  db: Db | Tx,
  hubId: string,
  kind: SummaryKind,
  compute: (tx: Db | Tx) => Promise<unknown>,
  view: (body: SQL) => SQL = (body) => sql`${body} AS body`,
): Promise<V> {
  const cut = async (handle: Db | Tx, body: unknown) =>
    (await handle.execute<V>(sql`SELECT ${view(sql`b.body`)} FROM (SELECT ${JSON.stringify(body)}::jsonb AS body) b`)).rows[0] as V;
  if (!isPool(db)) return cut(db, await compute(db));
  const { rows } = await db.execute<V>(sql`
    SELECT ${view(sql`s.body`)} FROM ecosystem_summaries s
    LEFT JOIN ecosystem_versions v ON v.hub_id = s.hub_id
    WHERE s.hub_id = ${hubId} AND s.kind = ${kind} AND s.version = coalesce(v.version, 0)`);
  if (rows[0]) return rows[0] as V;
  return cut(db, await storeFresh(db, hubId, kind, compute));
}

/**
 * Computes the hub's summary of `kind` in a REPEATABLE READ snapshot together with the
 * counter it saw and stores it under that counter, never over a newer one. Returns the body.
 */
export async function storeFresh(db: Db, hubId: string, kind: SummaryKind, compute: (tx: Db | Tx) => Promise<unknown>): Promise<unknown> {
  const fresh = await withTransaction(
    db,
    async (tx) => {
      const [v] = (
        await tx.execute<{ version: string }>(sql`SELECT coalesce((SELECT version FROM ecosystem_versions WHERE hub_id = ${hubId}), 0)::text AS version`)
      ).rows;
      return { version: v!.version, body: await compute(tx) };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
  // `computed_at` from the inserted row: Citus refuses non-IMMUTABLE functions (now()) in DO UPDATE SET.
  await db.execute(sql`
    INSERT INTO ecosystem_summaries (hub_id, kind, version, body)
    VALUES (${hubId}, ${kind}, ${fresh.version}::bigint, ${JSON.stringify(fresh.body)}::jsonb)
    ON CONFLICT (hub_id, kind) DO UPDATE SET version = excluded.version, body = excluded.body, computed_at = excluded.computed_at
    WHERE ecosystem_summaries.version < excluded.version`);
  return fresh.body;
}

/** The hubs whose stored summary of `kind` is missing or behind their counter (a hub never written to has none to keep). */
export async function hubsWithStale(db: Db, kind: SummaryKind): Promise<string[]> {
  const { rows } = await db.execute<{ hub_id: string }>(sql`
    SELECT v.hub_id FROM ecosystem_versions v
    LEFT JOIN ecosystem_summaries s ON s.hub_id = v.hub_id AND s.kind = ${kind}
    WHERE s.version IS NULL OR s.version < v.version
    ORDER BY v.hub_id`);
  return rows.map((r) => r.hub_id);
}

/** A pool handle (not a transaction): only it can open the snapshot and store apart. */
function isPool(db: Db | Tx): db is Db {
  return typeof (db as { rollback?: unknown }).rollback !== 'function';
}

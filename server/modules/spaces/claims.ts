import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';

/**
 * Taking space: no read-then-insert. One call (`dg_space_take`, migrations/0036) writes a
 * claim row for every node taken whole and one for every node above it; the exclusion
 * constraint `space_claims_excl` (migration 0018) is the arbiter. ON CONFLICT DO NOTHING
 * waits for a transaction holding a clashing row and, if it committed, skips the row; fewer
 * rows than asked means the space is taken, and the caller's transaction (rolled back by
 * the throw) leaves nothing written. Rows go in node order, so two takers never wait on
 * each other in opposite orders.
 */
export type Taker = { hubId: string; holderKind: 'hold' | 'lease'; holderId: string; organizationId: string };
export type Days = { startsOn: string; endsOn: string };

export async function takeNodes(tx: Tx, taker: Taker, nodeIds: readonly string[], days: Days): Promise<void> {
  const { rows } = await tx.execute<{ taken: boolean }>(sql`
    SELECT dg_space_take(${taker.hubId}::uuid, ${taker.holderKind}, ${taker.holderId}::uuid, ${taker.organizationId}::uuid,
      ${sql.param([...new Set(nodeIds)])}::uuid[], ${days.startsOn}::date, ${days.endsOn}::date) AS taken`);
  if (!rows[0]!.taken) throw await notAvailable(tx, taker, nodeIds, days);
}

/** SPACE_NOT_AVAILABLE naming the first clashing node (by its code) and its days (`dg_space_clash`). */
async function notAvailable(tx: Tx, taker: Taker, nodeIds: readonly string[], days: Days): Promise<AppError> {
  const { rows } = await tx.execute<{ code: string; starts_on: string; ends_on: string; idx: number }>(sql`
    SELECT code, starts_on::text, ends_on::text, idx FROM dg_space_clash(${taker.hubId}::uuid, ${taker.holderId}::uuid,
      ${sql.param([...nodeIds])}::uuid[], ${days.startsOn}::date, ${days.endsOn}::date)`);
  const hit = rows[0];
  return spaceNotAvailable(hit ? `${hit.idx - 1} ${hit.code} ${hit.starts_on}/${hit.ends_on}` : null);
}

/** SPACE_NOT_AVAILABLE from a clash as dg_space_clash describes it ('index code starts/ends'), or without one. */
export function spaceNotAvailable(clash: string | null): AppError {
  const m = clash ? /^(\d+) (.+)$/.exec(clash) : null;
  if (!m) return new AppError('SPACE_NOT_AVAILABLE');
  return new AppError('SPACE_NOT_AVAILABLE', [{ path: `nodeIds.${m[1]}`, code: 'SPACE_TAKEN', detail: m[2] }]);
}

/**
 * Frees a holder's claims from `from` on: days before it stay taken, rows that begin on or
 * after it end. Only `nodeIds` when given (a partial release); the claims above them are
 * then trimmed to what the holder's remaining whole claims still need. Claims only ever
 * shrink here, so nothing can clash.
 */
export async function freeClaims(tx: Tx, hubId: string, holderId: string, from: string, nodeIds?: readonly string[]): Promise<void> {
  const only = nodeIds ? sql`AND node_id = ANY(${sql.param([...nodeIds])}::uuid[])` : sql`AND whole`;
  await tx.execute(sql`
    UPDATE space_claims SET active = starts_on < ${from}, ends_on = CASE WHEN starts_on < ${from} AND ends_on > ${from} THEN ${from}::date ELSE ends_on END
    WHERE hub_id = ${hubId} AND holder_id = ${holderId} AND active AND whole ${only} AND ends_on > ${from}`);
  await tx.execute(sql`
    UPDATE space_claims i SET active = need.ends_on IS NOT NULL AND need.ends_on > i.starts_on,
                             ends_on = CASE WHEN need.ends_on IS NOT NULL AND need.ends_on > i.starts_on AND need.ends_on < i.ends_on THEN need.ends_on ELSE i.ends_on END
    FROM (
      SELECT a.id, (SELECT max(w.ends_on) FROM space_claims w JOIN space_nodes n ON n.hub_id = w.hub_id AND n.id = w.node_id
                    WHERE w.hub_id = a.hub_id AND w.holder_id = a.holder_id AND w.whole AND w.active AND a.node_id = ANY(n.ancestors)) AS ends_on
      FROM space_claims a WHERE a.hub_id = ${hubId} AND a.holder_id = ${holderId} AND NOT a.whole AND a.active
    ) need
    WHERE i.hub_id = ${hubId} AND i.id = need.id`);
}

/** The nodes a holder takes whole and is still using (active claims). */
export async function claimedNodeIds(tx: Tx, hubId: string, holderId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ node_id: string }>(sql`
    SELECT DISTINCT node_id FROM space_claims WHERE hub_id = ${hubId} AND holder_id = ${holderId} AND whole AND active ORDER BY node_id`);
  return rows.map((r) => r.node_id);
}

/** Whether a holder still takes any node whole on or after `from`. */
export async function stillClaimed(tx: Tx, hubId: string, holderId: string, from: string): Promise<boolean> {
  const { rows } = await tx.execute(
    sql`SELECT 1 FROM space_claims WHERE hub_id = ${hubId} AND holder_id = ${holderId} AND whole AND active AND ends_on > ${from} LIMIT 1`,
  );
  return rows.length > 0;
}

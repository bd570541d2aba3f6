import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { UsageRecordInput } from '../../../contracts/compute.js';
import type { Tx } from '../../db/connection.js';
import { computeFirmYears, computeFlavors, computePools, computeRequests, computeUsage, computeVouchers } from './compute.tables.js';
import { firmKey, type UsageSnapshot } from './usage-plan.js';

/**
 * What a batch of usage records needs to know, in a fixed number of set-based queries
 * whatever the batch's size. Locks in one order for every report (requests by id, then
 * vouchers by id, then firm years), so two reports racing for the same quota queue
 * instead of overspending or deadlocking; a record's request lock also orders the
 * replay, overlap and GPU-hours checks of reports of the same request (what its records
 * bill is read after the lock, so two reports at once never bill more than was admitted).
 */
export async function loadUsageSnapshot(tx: Tx, hubId: string, providerId: string, records: UsageRecordInput[]): Promise<UsageSnapshot> {
  const requestIds = [...new Set(records.map((r) => r.requestId))].sort();
  const locked = await tx
    .select({ request: computeRequests, domestic: computeFlavors.domestic, price: computeFlavors.pricePerGpuHour })
    .from(computeRequests)
    .innerJoin(computeFlavors, and(eq(computeFlavors.hubId, computeRequests.hubId), eq(computeFlavors.id, computeRequests.flavorId)))
    .innerJoin(computePools, and(eq(computePools.hubId, computeFlavors.hubId), eq(computePools.id, computeFlavors.poolId)))
    .where(and(eq(computeRequests.hubId, hubId), sql`${computeRequests.id} = ANY(${sql.param(requestIds)}::uuid[])`, eq(computePools.providerId, providerId)))
    .orderBy(asc(computeRequests.id))
    .for('update', { of: computeRequests });
  // After the locks: what the requests' records bill now (a report of the same request before this one included).
  const billed = await billedOf(
    tx,
    hubId,
    locked.map((l) => l.request.id),
  );
  const requests = new Map(locked.map(({ request: r, domestic, price }) => [r.id, { ...r, domestic, price, billedMilli: billed.get(r.id) ?? 0n }]));

  // After the locks: a record id another report stored meanwhile is seen here (and replays).
  const named = [...new Set(records.flatMap((r) => (r.corrects ? [r.recordId, r.corrects] : [r.recordId])))];
  const storedRows = await tx
    .select({
      id: computeUsage.id,
      recordId: computeUsage.recordId,
      requestId: computeUsage.requestId,
      outcome: computeUsage.outcome,
      code: computeUsage.code,
      voucherPaid: computeUsage.voucherPaid,
      gpuHours: computeUsage.gpuHours,
    })
    .from(computeUsage)
    .where(and(eq(computeUsage.hubId, hubId), eq(computeUsage.providerId, providerId), sql`${computeUsage.recordId} = ANY(${sql.param(named)}::text[])`));
  const stored = new Map(storedRows.map((r) => [r.recordId, r]));

  const fresh = records.map((r, i) => ({ r, i })).filter(({ r }) => !stored.has(r.recordId));
  const targets = [...new Set(fresh.flatMap(({ r }) => (r.corrects && stored.has(r.corrects) ? [stored.get(r.corrects)!.id] : [])))];
  const { corrected, chainPaid } = await correctionsOf(tx, hubId, targets);

  const claims = fresh.filter(({ r }) => !r.corrects && requests.has(r.requestId) && Date.parse(r.startedAt) < Date.parse(r.endedAt));
  const overlapsStored = new Set<number>();
  if (claims.length) {
    const { rows } = await tx.execute<{ i: number }>(sql`
      SELECT b.i FROM unnest(
        ${sql.param(claims.map((c) => c.i))}::int[], ${sql.param(claims.map((c) => c.r.requestId))}::uuid[],
        ${sql.param(claims.map((c) => c.r.startedAt))}::timestamptz[], ${sql.param(claims.map((c) => c.r.endedAt))}::timestamptz[]
      ) AS b(i, request_id, s, e)
      WHERE EXISTS (
        SELECT 1 FROM compute_usage u
        WHERE u.hub_id = ${hubId} AND u.request_id = b.request_id AND u.outcome = 'applied' AND u.started_at < b.e AND u.ended_at > b.s)`);
    for (const r of rows) overlapsStored.add(Number(r.i));
  }

  const voucherIds = [...new Set([...requests.values()].flatMap((r) => (r.voucherId ? [r.voucherId] : [])))].sort();
  const voucherRows = voucherIds.length
    ? await tx
        .select()
        .from(computeVouchers)
        .where(and(eq(computeVouchers.hubId, hubId), inArray(computeVouchers.id, voucherIds)))
        .orderBy(asc(computeVouchers.id))
        .for('update')
    : [];
  const vouchers = new Map(voucherRows.map((v) => [v.id, v]));
  const firmRows = voucherRows.length
    ? await tx
        .select()
        .from(computeFirmYears)
        .where(
          and(
            eq(computeFirmYears.hubId, hubId),
            or(...voucherRows.map((v) => and(eq(computeFirmYears.organizationId, v.organizationId), eq(computeFirmYears.year, v.year)))),
          ),
        )
        .orderBy(asc(computeFirmYears.organizationId), asc(computeFirmYears.year))
        .for('update')
    : [];
  const firms = new Map(firmRows.map((f) => [firmKey(f.organizationId, f.year), f]));
  return { requests, stored, corrected, chainPaid, overlapsStored, vouchers, firms };
}

/**
 * Thousandths of GPU-hours each request's records bill now: its applied records but those a
 * correction replaced (only applied corrections name the record they correct).
 */
async function billedOf(tx: Tx, hubId: string, requestIds: string[]): Promise<Map<string, bigint>> {
  if (requestIds.length === 0) return new Map();
  const { rows } = await tx.execute<{ request_id: string; milli: string }>(sql`
    SELECT u.request_id, sum(round(u.gpu_hours * 1000))::bigint::text AS milli FROM compute_usage u
    WHERE u.hub_id = ${hubId} AND u.request_id = ANY(${sql.param(requestIds)}::uuid[]) AND u.outcome = 'applied'
      AND NOT EXISTS (SELECT 1 FROM compute_usage c WHERE c.hub_id = u.hub_id AND c.corrects_id = u.id)
    GROUP BY u.request_id`);
  return new Map(rows.map((r) => [r.request_id, BigInt(r.milli)]));
}

/** Of stored records a batch corrects: which a stored correction already corrects, and what each chain paid in all. */
async function correctionsOf(tx: Tx, hubId: string, ids: string[]): Promise<{ corrected: Set<string>; chainPaid: Map<string, bigint> }> {
  if (ids.length === 0) return { corrected: new Set(), chainPaid: new Map() };
  const already = await tx
    .select({ id: computeUsage.correctsId })
    .from(computeUsage)
    .where(and(eq(computeUsage.hubId, hubId), sql`${computeUsage.correctsId} = ANY(${sql.param(ids)}::uuid[])`));
  const { rows } = await tx.execute<{ head: string; paid: string }>(sql`
    WITH RECURSIVE chain AS (
      SELECT id AS head, corrects_id, voucher_paid FROM compute_usage WHERE hub_id = ${hubId} AND id = ANY(${sql.param(ids)}::uuid[])
      UNION ALL
      SELECT c.head, u.corrects_id, u.voucher_paid FROM compute_usage u JOIN chain c ON u.hub_id = ${hubId} AND u.id = c.corrects_id
    ) SELECT head, sum(voucher_paid)::text AS paid FROM chain GROUP BY head`);
  return { corrected: new Set(already.map((r) => r.id!)), chainPaid: new Map(rows.map((r) => [r.head, BigInt(r.paid)])) };
}

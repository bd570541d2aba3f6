import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import type { Tx } from '../../db/connection.js';
import type { RequestInput } from '../../../contracts/compute.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { verifyLedger } from '../budget/index.js';
import { computeWorld, type ComputeWorld } from '../../test/compute-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { interleave as interleaveOn } from '../../test/interleave.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { admissionRound } from './admission.service.js';
import { reconcileComputeVouchers } from './reconcile.service.js';
import { cancelComputeRequest, findRequest, submitComputeRequest } from './requests.service.js';
import { reportComputeUsage } from './usage.service.js';

let ctx: TestContext;
let wide: Database;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20); // real concurrency: 20 sessions at once
});
afterAll(() => wide.close());

const HOUR = 3_600_000;
const at = (hour: number) => new Date(hour * HOUR);

describe('compute under concurrency', () => {
  it('200 requests at once on room for 50: exactly 50 admitted, never over capacity at any hour; holds and postings exact; ledger and audit verify', async () => {
    const hub = await createTestHub(ctx);
    // 20 startups, each with a voucher (30% domestic... here other chips: 20%) and room to borrow the whole pool.
    const world = await computeWorld(wide.db, hub, {
      startups: 20,
      quota: { concurrentGpus: 5, borrowingLimit: 50 },
      voucher: { contract: '1000000000', chips: 'other' },
      flavors: [
        {
          code: 'h20',
          model: 'H20',
          vendor: 'nvidia',
          domestic: false,
          gpuMemoryGib: 96,
          cpuPerGpu: 16,
          memoryGibPerGpu: 128,
          gpus: 50,
          pricePerGpuHour: '2000',
        },
      ],
    });
    const now = new Date();
    const deadline = new Date((Math.floor(now.getTime() / HOUR) + 6) * HOUR).toISOString();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => {
        const s = world.startups[i % 20]!;
        return withTransaction(wide.db, (tx) =>
          submitComputeRequest(
            tx,
            { hub, actor: s.founder },
            { organizationId: s.orgId, flavor: world.flavors[0]!.id, gpus: 1, hours: 6, deadline, priority: 'normal' },
          ),
        );
      }),
    );
    const codes = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : ((o.reason as { code?: string }).code ?? String(o.reason))));
    expect(codes.filter((c) => c === 'admitted')).toHaveLength(50);
    expect(new Set(codes.filter((c) => c !== 'admitted'))).toEqual(new Set(['NO_CAPACITY']));
    const { rows: slots } = await wide.db.execute<{ max: number; bad: number }>(sql`
      SELECT max(reserved)::int AS max, count(*) FILTER (WHERE reserved > capacity)::int AS bad FROM compute_slots WHERE hub_id = ${hub.id}`);
    expect(slots[0]).toEqual({ max: 50, bad: 0 });
    const { rows: perHour } = await wide.db.execute<{ hour: Date; gpus: number; reserved: number }>(sql`
      SELECT s.hour, s.reserved, coalesce(sum(r.gpus), 0)::int AS gpus FROM compute_slots s
      LEFT JOIN compute_requests r ON r.hub_id = s.hub_id AND r.flavor_id = s.flavor_id AND r.status = 'admitted' AND r.start_at <= s.hour AND r.end_at > s.hour
      WHERE s.hub_id = ${hub.id} GROUP BY s.hour, s.reserved HAVING s.reserved <> coalesce(sum(r.gpus), 0)`);
    expect(perHour).toEqual([]);
    // Holds: 20% of 6 GPU-hours at CNY 20 = 2,400 fen per admitted request, all on the vouchers.
    const { rows: held } = await wide.db.execute<{ held: string; requests: string }>(sql`
      SELECT (SELECT sum(held) FROM compute_vouchers WHERE hub_id = ${hub.id})::text AS held, (SELECT sum(voucher_held) FROM compute_requests WHERE hub_id = ${hub.id})::text AS requests`);
    expect(held[0]).toEqual({ held: String(50 * 2400), requests: String(50 * 2400) });

    // Once their hours are over, the provider meters every admitted request at once (and replays each record): paid exactly once.
    const admitted = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const reporter = { hub, actor: world.providerPerson };
    const over = new Date(deadline);
    const record = (r: (typeof admitted)[number]) => ({
      recordId: `m-${r.id}`,
      requestId: r.id,
      flavorId: r.flavorId!,
      gpuHours: '6',
      startedAt: r.startAt!.toISOString(),
      endedAt: r.endAt!.toISOString(),
      cost: '12000',
      corrects: null,
    });
    const reports = await Promise.all(
      [...admitted, ...admitted].map((r) =>
        withTransaction(wide.db, (tx) => reportComputeUsage(tx, reporter, { providerId: world.provider.id, records: [record(r)] }, { via: 'api' }, over)),
      ),
    );
    expect(reports.flat().filter((r) => r.outcome === 'applied')).toHaveLength(50);
    expect(reports.flat().every((r) => r.voucherPaid === '2400')).toBe(true);
    const { rows: paid } = await wide.db.execute<{ paid: string; held: string }>(
      sql`SELECT sum(paid)::text AS paid, sum(held)::text AS held FROM compute_vouchers WHERE hub_id = ${hub.id}`,
    );
    expect(paid[0]).toEqual({ paid: String(50 * 2400), held: '0' });
    const { rows: ledger } = await wide.db.execute<{ sum: string }>(
      sql`SELECT sum(amount)::text AS sum FROM ledger_transfers WHERE hub_id = ${hub.id} AND reason = 'disburse'`,
    );
    expect(ledger[0]!.sum).toBe(String(50 * 2400));
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
    expect((await reconcileComputeVouchers(wide.db, hub.id)).differences).toEqual([]);
    expect((await verifyAuditChain(wide.db, hub.id)).break).toBeNull();
  });
});

/** Two transactions on two connections, ordered by locks, never by time (`test/interleave.ts`). */
const interleave = <A, B>(first: (tx: Tx) => Promise<A>, second: (tx: Tx) => Promise<B>) => interleaveOn(wide.db, first, second);

const requestOf = async (hub: HubRow, id: string) => {
  const row = (await findRequest(wide.db, hub.id, id))!;
  return { status: row.status, startAt: row.startAt };
};
const audited = async (hub: HubRow, id: string) =>
  (await wide.db.execute<{ action: string }>(sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} AND subject_id = ${id} ORDER BY seq`)).rows.map(
    (r) => r.action,
  );
/** Hours whose counter is not the GPUs of the requests holding them (cancelled ones hold up to their cut). */
const countersOff = async (hub: HubRow) =>
  (
    await wide.db.execute(sql`
      SELECT s.hour FROM compute_slots s
      LEFT JOIN compute_requests r ON r.hub_id = s.hub_id AND r.flavor_id = s.flavor_id AND r.status IN ('admitted', 'preempted', 'cancelled')
        AND r.start_at <= s.hour AND r.end_at > s.hour
      WHERE s.hub_id = ${hub.id} GROUP BY s.hour, s.reserved HAVING s.reserved <> coalesce(sum(r.gpus), 0)`)
  ).rows;
/** The startup's request of the world's flavor (8 GPUs for 4 hours unless told) from hour `from` to `deadline`, submitted at `now`. */
const request = (tx: Tx, hub: HubRow, world: ComputeWorld, startup: number, from: number, deadline: number, now: Date, over: Partial<RequestInput> = {}) =>
  submitComputeRequest(
    tx,
    { hub, actor: world.startups[startup]!.founder },
    {
      organizationId: world.startups[startup]!.orgId,
      flavor: world.flavors[0]!.id,
      gpus: 8,
      hours: 4,
      earliestStart: at(from).toISOString(),
      deadline: at(deadline).toISOString(),
      priority: 'normal',
      ...over,
    },
    now,
  );
const submitted = (...args: Parameters<typeof request> extends [Tx, ...infer Rest] ? Rest : never) => withTransaction(wide.db, (tx) => request(tx, ...args));

describe('a request changed while an admission round decides on it', () => {
  it('a cancel waits for a round in progress (the admission lock): the round never admits it, and plans the pool without it', async () => {
    const hub = await createTestHub(ctx);
    const world = await computeWorld(wide.db, hub); // 8 GPUs; the startup's quota: 8 at once
    const base = Math.floor(Date.now() / HOUR);
    const now = new Date(base * HOUR);
    // Both wait (they start more than a day on, with room to spare): r first, s behind it.
    const r = await submitted(hub, world, 0, base + 30, base + 60, now);
    const s = await submitted(hub, world, 0, base + 30, base + 80, now);
    expect([r.status, s.status]).toEqual(['pending', 'pending']);
    // Ten hours on, a round (a job's, through the module's face) would admit r at +30 and s at +34;
    // the company cancels r meanwhile.
    await interleave(
      (tx) => cancelComputeRequest(tx, { hub, actor: world.startups[0]!.founder }, r.id, now),
      (tx) => admissionRound(tx, hub, null, at(base + 10)),
    );
    expect(await requestOf(hub, r.id)).toEqual({ status: 'cancelled', startAt: null });
    expect(await requestOf(hub, s.id)).toEqual({ status: 'admitted', startAt: at(base + 30) });
    expect(await audited(hub, r.id)).toEqual(['compute.submitted', 'compute.cancelled']);
    expect(await countersOff(hub)).toEqual([]);
    expect((await verifyAuditChain(wide.db, hub.id)).break).toBeNull();
  });

  it('a decision applies only to the request as the round saw it: one changed meanwhile is left alone (no hours moved, nothing audited)', async () => {
    // Written by SQL without the admission lock, to reach the second guard: each UPDATE's WHERE.
    const hub = await createTestHub(ctx);
    const world = await computeWorld(wide.db, hub, { startups: 2, quota: { concurrentGpus: 4, borrowingLimit: 4 } });
    const base = Math.floor(Date.now() / HOUR);
    const now = new Date(base * HOUR);
    const cancelBehind = (id: string) => (tx: Tx) =>
      tx.execute(sql`UPDATE compute_requests SET status = 'cancelled', end_at = start_at WHERE hub_id = ${hub.id} AND id = ${id}`);

    // An admission: r waits; a round ten hours on admits it, but it was cancelled meanwhile.
    const r = await submitted(hub, world, 0, base + 30, base + 60, now, { gpus: 4 });
    expect(r.status).toBe('pending');
    const [, decided] = await interleave(cancelBehind(r.id), (tx) => admissionRound(tx, hub, null, at(base + 10)));
    expect(decided).toContainEqual(expect.objectContaining({ kind: 'admit', requestId: r.id }));
    expect(await requestOf(hub, r.id)).toMatchObject({ status: 'cancelled' });
    expect(await audited(hub, r.id)).toEqual(['compute.submitted']);

    // A requeue: the first startup borrows the whole pool from +2; the second asks within its
    // nominal quota, which withdraws the borrowed work, but that was cancelled (and its hours given back) meanwhile.
    const borrowed = await submitted(hub, world, 0, base + 2, base + 48, now);
    expect([borrowed.status, borrowed.borrowed, borrowed.startAt]).toEqual(['admitted', true, at(base + 2)]);
    const giveBack = (tx: Tx) =>
      tx.execute(sql`UPDATE compute_slots SET reserved = reserved - 8 WHERE hub_id = ${hub.id} AND hour >= ${at(base + 2).toISOString()}::timestamptz
        AND hour < ${at(base + 6).toISOString()}::timestamptz`);
    const [, own] = await interleave(
      async (tx) => {
        await cancelBehind(borrowed.id)(tx);
        await giveBack(tx);
      },
      (tx) => request(tx, hub, world, 1, base + 2, base + 48, now, { gpus: 4, hours: 2 }),
    );
    expect([own.status, own.startAt]).toEqual(['admitted', at(base + 2)]);
    expect(await requestOf(hub, borrowed.id)).toMatchObject({ status: 'cancelled' });
    expect(await audited(hub, borrowed.id)).toEqual(['compute.submitted', 'compute.admitted']);
    expect(await countersOff(hub)).toEqual([]);
  });
});

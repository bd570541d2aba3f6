import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { verifyLedger } from '../budget/index.js';
import { computeWorld } from '../../test/compute-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { reconcileComputeVouchers } from './reconcile.service.js';
import { submitComputeRequest } from './requests.service.js';
import { reportComputeUsage } from './usage.service.js';

let ctx: TestContext;
let wide: Database;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20); // real concurrency: 20 sessions at once
});
afterAll(() => wide.close());

const HOUR = 3_600_000;

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

    // The provider meters every admitted request at once (and replays each record): paid exactly once.
    const admitted = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const reporter = { hub, actor: world.providerPerson };
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
        withTransaction(wide.db, (tx) => reportComputeUsage(tx, reporter, { providerId: world.provider.id, records: [record(r)] })),
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

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { operatorScope, publishedRentProgram, signSubsidisedLease, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { lineAvailable, verifyLedger } from '../budget/index.js';
import { createLease, endLease } from './leases.service.js';
import { runMonthlySubsidies } from './monthly-subsidy.service.js';
import { addMonths } from './rent-schedule.js';

let ctx: TestContext;
let hub: HubRow;
let programId: string;
beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'rent-subsidy': 100_000_000n });
  programId = await publishedRentProgram(ctx.database.db, hub, 'Wuchang rent subsidy', wuchangRules);
});

/** Noon in Hangzhou on a local day. */
const at = (day: string) => new Date(`${day}T04:00:00Z`);
const paidOf = async (leaseId: string) =>
  BigInt(
    (
      await ctx.database.db.execute<{ s: string }>(
        sql`SELECT coalesce(sum(amount), 0)::text AS s FROM space_subsidy_payments WHERE hub_id = ${hub.id} AND lease_id = ${leaseId}`,
      )
    ).rows[0]!.s,
  );

describe('rent subsidy through the ledger', () => {
  it('three simulated years of monthly payments equal the schedule; the line ends where it would; verify clean', async () => {
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const before = (await lineAvailable(ctx.database.db, hub.id, 2026, 'rent-subsidy'))!;
    const start = '2027-01-01';
    const end = '2030-01-01';
    // 200 m² at CNY 60: CNY 12,000 a month; year 1 all of it, years 2-3 half.
    const lease = await signSubsidisedLease(ctx.database.db, hub, {
      programId,
      organizationId: org!,
      units: park.units,
      startsOn: start,
      endsOn: end,
      monthlyRent: '1200000',
    });
    const total = 12n * 1_200_000n + 24n * 600_000n;
    expect(lease.subsidyTotal).toBe(total);
    expect(await paidOf(lease.id)).toBe(1_200_000n); // the first month, at signing
    expect((await lineAvailable(ctx.database.db, hub.id, 2026, 'rent-subsidy'))!).toBe(before - total);

    // The job runs on the 1st of each month (twice on some, as a retry would): each month once.
    for (let m = 1; m <= 36; m++) {
      const day = addMonths(start, m);
      await runMonthlySubsidies(ctx.database.db, hub, at(day));
      if (m % 7 === 0) await runMonthlySubsidies(ctx.database.db, hub, at(day));
      if (m < 36) expect(await paidOf(lease.id)).toBe(m < 12 ? BigInt(m + 1) * 1_200_000n : 12n * 1_200_000n + BigInt(m - 11) * 600_000n);
    }
    expect(await paidOf(lease.id)).toBe(total);
    const { rows } = await ctx.database.db.execute<{ status: string; posted: string; released: boolean }>(sql`
      SELECT l.status, c.posted::text, c.released FROM space_leases l JOIN commitments c ON c.hub_id = l.hub_id AND c.id = l.commitment_id WHERE l.hub_id = ${hub.id} AND l.id = ${lease.id}`);
    expect(rows[0]).toEqual({ status: 'ended', posted: total.toString(), released: true });
    expect((await lineAvailable(ctx.database.db, hub.id, 2026, 'rent-subsidy'))!).toBe(before - total);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });

  it('an early end releases the rest; a broken condition claws back everything paid', async () => {
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    const [a, b] = await spaceOrgs(ctx.database.db, hub, 2);
    const before = (await lineAvailable(ctx.database.db, hub.id, 2026, 'rent-subsidy'))!;
    const start = '2027-03-01';
    const sign = (org: string, unit: string) =>
      withTransaction(
        ctx.database.db,
        (tx) =>
          createLease(
            tx,
            operatorScope(hub),
            {
              organizationId: org,
              nodeIds: [unit],
              startsOn: start,
              endsOn: '2030-03-01',
              steps: [{ startsOn: start, endsOn: '2030-03-01', monthlyRent: '600000' }],
              noticeDays: 90,
              staff: null,
              programId,
            },
            at(start),
          ),
        ledgerTx,
      );
    const early = await sign(a!, park.units[0]!);
    const broken = await sign(b!, park.units[1]!);
    for (let m = 1; m <= 15; m++) await runMonthlySubsidies(ctx.database.db, hub, at(addMonths(start, m)));
    expect(await paidOf(early.id)).toBe(12n * 600_000n + 4n * 300_000n);

    // Ends mid-month 15 (paid in advance): the days after the end come back, the rest is released.
    const endsOn = '2028-06-16';
    await withTransaction(ctx.database.db, (tx) => endLease(tx, operatorScope(hub), early.id, { endsOn, reason: 'tenant_left' }, at(endsOn)), ledgerTx);
    const owed = 12n * 600_000n + 3n * 300_000n + (300_000n * 15n) / 30n; // June 1-15 of 30 days
    await withTransaction(
      ctx.database.db,
      (tx) => endLease(tx, operatorScope(hub), broken.id, { endsOn: '2028-07-01', reason: 'condition_broken' }, at(endsOn)),
      ledgerTx,
    );

    const { rows } = await ctx.database.db.execute<{ id: string; net: string }>(sql`
      SELECT c.cause_id AS id, (c.posted - coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.hub_id = c.hub_id AND t.reason = 'claw_back' AND t.cause_id = c.cause_id), 0))::text AS net
      FROM commitments c WHERE c.hub_id = ${hub.id} AND c.cause_id IN (${early.id}, ${broken.id})`);
    const net = new Map(rows.map((r) => [r.id, BigInt(r.net)]));
    expect(net.get(early.id)).toBe(owed);
    expect(net.get(broken.id)).toBe(0n);
    expect((await lineAvailable(ctx.database.db, hub.id, 2026, 'rent-subsidy'))!).toBe(before - owed);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { operatorScope, publishedRentProgram, signSubsidisedLease, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { lineAvailable, verifyLedger } from '../budget/index.js';
import { createLease, endLease, findLease, moveLease } from './leases.service.js';
import { runMonthlySubsidies } from './monthly-subsidy.service.js';
import { renewLease } from './renew-lease.service.js';
import { leaseSteps } from './subsidy.service.js';
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

describe('moving a subsidised lease', () => {
  it('the moved lease goes on in the lease year it was in: a 100% / 50% subsidy moved in year 2 pays 50% from the move, then nothing; twice moved, still', async () => {
    const twoSteps = await publishedRentProgram(ctx.database.db, hub, 'Two steps', {
      ...wuchangRules,
      years: [{ basisPoints: 10_000 }, { basisPoints: 5_000 }],
    });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 3 });
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const [first, second, third] = park.units as [string, string, string];
    const lease = await signSubsidisedLease(ctx.database.db, hub, {
      programId: twoSteps,
      organizationId: org!,
      units: [first],
      startsOn: '2026-01-01',
      endsOn: '2029-01-01',
      monthlyRent: '600000',
    });
    const move = (id: string, unit: string, from: string) =>
      withTransaction(
        ctx.database.db,
        (tx) =>
          moveLease(tx, operatorScope(hub), id, { nodeIds: [unit], from, steps: [{ startsOn: from, endsOn: '2029-01-01', monthlyRent: '600000' }] }, at(from)),
        ledgerTx,
      );
    const stepsOf = async (id: string) =>
      (await leaseSteps(ctx.database.db, hub.id, id)).map((s) => [s.startsOn, s.endsOn, s.monthlySubsidy.toString()].join(' '));

    // Moved in year 2 (from 2027-06-01): half the rent until 2028-01-01, when year 3 (nothing) begins.
    const moved = await move(lease.id, second, '2027-06-01');
    expect(await stepsOf(moved.id)).toEqual(['2027-06-01 2028-01-01 300000', '2028-01-01 2029-01-01 0']);
    expect(moved.subsidyTotal).toBe(7n * 300_000n);
    // Moved again: the years still count from the first lease's start (2026-01-01), not from the last move.
    const again = await move(moved.id, third, '2027-09-01');
    expect(await stepsOf(again.id)).toEqual(['2027-09-01 2028-01-01 300000', '2028-01-01 2029-01-01 0']);
    expect((await findLease(ctx.database.db, hub.id, again.id))!.subsidyTotal).toBe(4n * 300_000n);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });
});

describe('leases without a subsidy', () => {
  it('end when their term does, on the hub’s day, as subsidised ones: the daily job marks them ended; an ended one is not renewed', async () => {
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const sign = (unit: string) =>
      withTransaction(
        ctx.database.db,
        (tx) =>
          createLease(
            tx,
            operatorScope(hub),
            {
              organizationId: org!,
              nodeIds: [unit],
              startsOn: '2027-01-01',
              endsOn: '2028-01-01',
              steps: [{ startsOn: '2027-01-01', endsOn: '2028-01-01', monthlyRent: '600000' }],
              noticeDays: 90,
              staff: null,
              programId: null,
            },
            at('2027-01-01'),
          ),
        ledgerTx,
      );
    const full = await sign(park.units[0]!);
    const early = await sign(park.units[1]!);
    // Given notice in March to leave on 2027-07-01: still active until that day comes.
    await withTransaction(ctx.database.db, (tx) =>
      endLease(tx, operatorScope(hub), early.id, { endsOn: '2027-07-01', reason: 'tenant_left' }, at('2027-03-01')),
    );
    const state = async (id: string) => {
      const l = (await findLease(ctx.database.db, hub.id, id))!;
      return [l.status, l.endedOn, l.endReason];
    };
    await runMonthlySubsidies(ctx.database.db, hub, at('2027-06-30'));
    expect(await state(early.id)).toEqual(['active', '2027-07-01', 'tenant_left']);
    await runMonthlySubsidies(ctx.database.db, hub, at('2027-07-01'));
    expect(await state(early.id)).toEqual(['ended', '2027-07-01', 'tenant_left']);

    // 2027-12-31 17:00 UTC is 2028-01-01 01:00 in Hangzhou: the term is over there.
    await runMonthlySubsidies(ctx.database.db, hub, new Date('2027-12-31T15:00:00Z'));
    expect(await state(full.id)).toEqual(['active', null, null]);
    await runMonthlySubsidies(ctx.database.db, hub, new Date('2027-12-31T17:00:00Z'));
    expect(await state(full.id)).toEqual(['ended', '2028-01-01', 'term_over']);
    const { rows } = await ctx.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} AND subject_id = ${full.id} ORDER BY seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(['space.leased', 'space.lease_settled']);
    await expect(
      withTransaction(ctx.database.db, (tx) =>
        renewLease(tx, operatorScope(hub), full.id, { endsOn: '2029-01-01', steps: [{ startsOn: '2028-01-01', endsOn: '2029-01-01', monthlyRent: '600000' }] }),
      ),
    ).rejects.toMatchObject({ code: 'LEASE_NOT_ACTIVE' });
  });
});

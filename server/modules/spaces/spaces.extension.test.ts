import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { uuidv7 } from '../../platform/ids.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { dreamTownRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { operatorScope, publishedRentProgram, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { lineAvailable, verifyLedger } from '../budget/index.js';
import { createLease, endLease, findLease, moveLease } from './leases.service.js';
import { runMonthlySubsidies } from './monthly-subsidy.service.js';
import { addMonths } from './rent-schedule.js';

// Dream Town's extension decided after signing: the firm raises CNY 5 m months into the
// lease (a funding fact arrives), the daily job grants 2 more free years, commits them as
// their own commitment and pays them month by month; a fact after the window lapses it.

let ctx: TestContext;
let hub: HubRow;
let programId: string;
beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'rent-subsidy': 150_000_000n });
  programId = await publishedRentProgram(ctx.database.db, hub, 'Dream Town', dreamTownRules);
});

/** Noon in Hangzhou on a local day (the test clock). */
const at = (day: string) => new Date(`${day}T04:00:00Z`);
const db = () => ctx.database.db;
const paidOf = async (leaseId: string) =>
  BigInt(
    (
      await db().execute<{ s: string }>(
        sql`SELECT coalesce(sum(amount), 0)::text AS s FROM space_subsidy_payments WHERE hub_id = ${hub.id} AND lease_id = ${leaseId}`,
      )
    ).rows[0]!.s,
  );
const raised = (organizationId: string, asOf: string, fen: bigint) =>
  db().execute(sql`
    INSERT INTO organization_facts (hub_id, id, organization_id, metric, as_of, amount_minor, currency, source_note)
    VALUES (${hub.id}, ${uuidv7()}, ${organizationId}, 'funding_raised', ${asOf}, ${fen}, 'CNY', 'test')`);

const MONTH = 480_000n; // 8 people x 10 m² = 80 of the unit's 100 m² at CNY 60: CNY 4,800 a month
const start = '2027-03-01';
const end = '2032-03-01'; // five years

async function sign(organizationId: string, unit: string) {
  return withTransaction(
    db(),
    (tx) =>
      createLease(
        tx,
        operatorScope(hub),
        {
          organizationId,
          nodeIds: [unit],
          startsOn: start,
          endsOn: end,
          steps: [{ startsOn: start, endsOn: end, monthlyRent: '600000' }],
          noticeDays: 90,
          staff: 8,
          programId,
        },
        at(start),
      ),
    ledgerTx,
  );
}

describe('the Dream Town extension, granted after signing', () => {
  it('funding raised in month 5 extends the subsidy to 60 months: its own commitment, paid month by month, verify clean', async () => {
    const park = await spacePark(db(), hub, { buildings: 1, floors: 1, units: 3 });
    const [funded, late, leaving] = await spaceOrgs(db(), hub, 3);
    const before = (await lineAvailable(db(), hub.id, 2026, 'rent-subsidy'))!;
    const leases = { funded: await sign(funded!, park.units[0]!), late: await sign(late!, park.units[1]!), leaving: await sign(leaving!, park.units[2]!) };
    for (const l of Object.values(leases)) {
      expect(l.extension).toBe('pending');
      expect(l.subsidyTotal).toBe(36n * MONTH);
    }

    for (let m = 1; m <= 4; m++) {
      const counts = await runMonthlySubsidies(db(), hub, at(addMonths(start, m)));
      expect(counts.extensionsGranted).toBe(0);
    }
    // The facts arrive: two firms raise CNY 6 m in the lease's fifth month; the third only after its first year.
    await raised(funded!, '2027-07-20', 600_000_000n);
    await raised(leaving!, '2027-07-20', 600_000_000n);
    const granted = await runMonthlySubsidies(db(), hub, at('2027-08-01'));
    expect(granted.extensionsGranted).toBe(2);
    const extended = (await findLease(db(), hub.id, leases.funded.id))!;
    expect(extended).toMatchObject({ extension: 'granted', extensionFromMonth: 36, subsidyTotal: 60n * MONTH });
    expect(extended.extensionCommitmentId).not.toBeNull();
    expect((await lineAvailable(db(), hub.id, 2026, 'rent-subsidy'))!).toBe(before - 3n * 36n * MONTH - 2n * 24n * MONTH);

    // A month of the extension's window passes again: granting once only (the job reruns).
    expect((await runMonthlySubsidies(db(), hub, at('2027-08-01'))).extensionsGranted).toBe(0);

    // The third firm's funding comes after the window (12 months): the extension lapses.
    for (let m = 6; m <= 12; m++) await runMonthlySubsidies(db(), hub, at(addMonths(start, m)));
    expect((await findLease(db(), hub.id, leases.late.id))!.extension).toBe('lapsed');
    await raised(late!, '2028-04-01', 600_000_000n);
    await runMonthlySubsidies(db(), hub, at('2028-04-01'));
    expect((await findLease(db(), hub.id, leases.late.id))!.extension).toBe('lapsed');

    // One of the extended firms leaves mid-way through year 4 (2030-09-01, month 42).
    for (let m = 13; m <= 41; m++) await runMonthlySubsidies(db(), hub, at(addMonths(start, m)));
    await withTransaction(
      db(),
      (tx) => endLease(tx, operatorScope(hub), leases.leaving.id, { endsOn: '2030-09-01', reason: 'tenant_left' }, at('2030-09-01')),
      ledgerTx,
    );

    for (let m = 42; m <= 60; m++) await runMonthlySubsidies(db(), hub, at(addMonths(start, m)));
    expect(await paidOf(leases.funded.id)).toBe(60n * MONTH); // five years free
    expect(await paidOf(leases.late.id)).toBe(36n * MONTH); // three years free
    expect(await paidOf(leases.leaving.id)).toBe(42n * MONTH); // until it left

    // Every commitment of the three leases is paid out or released; the line spent exactly what was paid.
    const { rows } = await db().execute<{ open: number }>(sql`
      SELECT count(*)::int AS open FROM commitments WHERE hub_id = ${hub.id} AND cause_id IN (${leases.funded.id}, ${leases.late.id}, ${leases.leaving.id}) AND NOT released`);
    expect(rows[0]!.open).toBe(0);
    expect((await lineAvailable(db(), hub.id, 2026, 'rent-subsidy'))!).toBe(before - (60n + 36n + 42n) * MONTH);
    expect(await verifyLedger(db(), hub.id)).toEqual([]);
  });
});

describe('the Dream Town extension of a moved lease', () => {
  it('a move keeps the window and lease years of the first lease: pending lapses a year after the first start, lapsed stays lapsed, a grant pays from year 4 of the chain', async () => {
    const park = await spacePark(db(), hub, { buildings: 1, floors: 1, units: 6 });
    const [lapsing, lapsed, granted] = await spaceOrgs(db(), hub, 3);
    const [a1, a2, b1, b2, c1, c2] = park.units as [string, string, string, string, string, string];
    const leases = { lapsing: await sign(lapsing!, a1), lapsed: await sign(lapsed!, b1), granted: await sign(granted!, c1) };
    const move = (id: string, unit: string, from: string) =>
      withTransaction(
        db(),
        (tx) => moveLease(tx, operatorScope(hub), id, { nodeIds: [unit], from, steps: [{ startsOn: from, endsOn: end, monthlyRent: '600000' }] }, at(from)),
        ledgerTx,
      );

    // Two firms move in month 6, their extensions still pending.
    const movedLapsing = await move(leases.lapsing.id, a2, '2027-09-01');
    const movedGranted = await move(leases.granted.id, c2, '2027-09-01');
    expect([movedLapsing.extension, movedGranted.extension]).toEqual(['pending', 'pending']);
    // One raises its money in month 7: its extension is granted, the extra years from 2030-03-01 (year 4 of its first lease), month 30 of the moved one.
    await raised(granted!, '2027-10-20', 600_000_000n);
    for (let m = 1; m <= 12; m++) await runMonthlySubsidies(db(), hub, at(addMonths(start, m)));
    expect(await findLease(db(), hub.id, movedGranted.id)).toMatchObject({ extension: 'granted', extensionFromMonth: 30, subsidyTotal: 54n * MONTH });
    // The window closed a year after the first lease began (2028-03-01), for the moved lease as for the one that stayed.
    expect((await findLease(db(), hub.id, movedLapsing.id))!.extension).toBe('lapsed');
    expect((await findLease(db(), hub.id, leases.lapsed.id))!.extension).toBe('lapsed');

    // Money raised after the window, then a move: the extension stays lapsed (no second window).
    await raised(lapsed!, '2028-04-20', 600_000_000n);
    const movedLapsed = await move(leases.lapsed.id, b2, '2028-05-01');
    expect(movedLapsed).toMatchObject({ extension: 'lapsed', subsidyTotal: 22n * MONTH }); // the rest of 3 free years: 2028-05-01 to 2030-03-01
    await runMonthlySubsidies(db(), hub, at('2028-05-01'));
    expect((await findLease(db(), hub.id, movedLapsed.id))!.extension).toBe('lapsed');
    expect(await verifyLedger(db(), hub.id)).toEqual([]);
  });
});

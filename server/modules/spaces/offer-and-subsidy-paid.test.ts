import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { uuidv7 } from '../../platform/ids.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear } from '../../test/budget-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { operatePark, publishedRentProgram, signSubsidisedLease, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { runMonthlySubsidies } from './monthly-subsidy.service.js';
import { spaceOccupancy } from './occupancy.service.js';
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

describe('an offer says what accepting signs', () => {
  it('the offered term and each rent step split into the company’s share and the subsidy, as the signed lease has them', async () => {
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 1 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const founder = await createTestUser(ctx);
    await ctx.database.db.execute(
      sql`INSERT INTO organization_members (hub_id, organization_id, user_id, role) VALUES (${hub.id}, ${org!}, ${founder.id}, 'owner')`,
    );
    const base = `/api/hubs/${hub.slug}/spaces`;
    const asked = await ctx.app.inject(
      as(founder, { method: 'POST', url: `${base}/requests`, payload: { organizationId: org, areaM2: 90, startsOn: '2027-04-01', months: 24 } }),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const offered = await ctx.app.inject(
      as(operator, { method: 'POST', url: `${base}/requests/${asked.json().id}/offer`, payload: { nodeIds: [park.units[0]], hours: 48, programId } }),
    );
    expect(offered.statusCode, offered.body).toBe(200);
    // 100 m² at CNY 60: CNY 6,000 a month; Wuchang pays it all the first year, half the second.
    const steps = [
      { startsOn: '2027-04-01', endsOn: '2028-04-01', monthlyRent: '600000', tenantShare: '0', subsidyShare: '600000' },
      { startsOn: '2028-04-01', endsOn: '2029-04-01', monthlyRent: '600000', tenantShare: '300000', subsidyShare: '300000' },
    ];
    const seen = await ctx.app.inject(as(founder, { method: 'GET', url: `${base}/requests/${asked.json().id}` }));
    expect(seen.json().offer.terms).toEqual({ startsOn: '2027-04-01', endsOn: '2029-04-01', steps });

    const accepted = await ctx.app.inject(as(founder, { method: 'POST', url: `${base}/requests/${asked.json().id}/accept` }));
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ startsOn: '2027-04-01', endsOn: '2029-04-01', steps });
  });
});

describe('subsidy paid per company on the desk', () => {
  it('counts every month paid so far, as the lease’s “subsidy paid” does, and the subsidy per m² per month', async () => {
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 2 });
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    // 200 m² at CNY 60: CNY 12,000 a month, all of it subsidised in the first year.
    const lease = await signSubsidisedLease(ctx.database.db, hub, {
      programId,
      organizationId: org!,
      units: park.units,
      startsOn: '2027-01-01',
      endsOn: '2030-01-01',
      monthlyRent: '1200000',
    });
    for (let m = 1; m <= 4; m++) await runMonthlySubsidies(ctx.database.db, hub, new Date(`${addMonths('2027-01-01', m)}T04:00:00Z`));
    const { rows } = await ctx.database.db.execute<{ paid: string }>(
      sql`SELECT sum(amount)::text AS paid FROM space_subsidy_payments WHERE hub_id = ${hub.id} AND lease_id = ${lease.id}`,
    );
    expect(rows[0]!.paid).toBe((5n * 1_200_000n).toString());

    // The desk asks from this month on: the months paid before it still count.
    const admin = { hub, actor: { userId: uuidv7(), hubRoles: ['hub_admin' as const] } };
    const occ = await spaceOccupancy(ctx.database.db, admin, { from: '2027-05-01', to: '2028-05-01', parkId: park.parkId });
    expect(occ.subsidy).toEqual([{ organization: { id: org, name: expect.anything() }, paid: rows[0]!.paid, areaM2: 200, perM2: '6000' }]);
  });
});

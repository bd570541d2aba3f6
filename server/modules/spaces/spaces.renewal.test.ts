import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { operatePark, operatorScope, publishedRentProgram, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { verifyLedger } from '../budget/index.js';
import { createLease } from './leases.service.js';
import { renewLease } from './renew-lease.service.js';

// Renewing a lease (a new term with its own steps and subsidy, racing other claims) and
// subsidised offers (the offer carries the program; accepting signs the subsidised lease).

let ctx: TestContext;
let wide: Database;
let hub: HubRow;
let programId: string;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20); // real concurrency: 20 sessions at once
  hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'rent-subsidy': 100_000_000n });
  programId = await publishedRentProgram(ctx.database.db, hub, 'Wuchang', wuchangRules);
});
afterAll(() => wide.close());

const db = () => ctx.database.db;
const outcome = (o: PromiseSettledResult<unknown>) => (o.status === 'fulfilled' ? 'WON' : ((o.reason as { code?: string }).code ?? String(o.reason)));
const step = (startsOn: string, endsOn: string, monthlyRent = '600000') => [{ startsOn, endsOn, monthlyRent }];
const terms = (startsOn: string, endsOn: string, extra: { programId?: string | null } = {}) => ({
  startsOn,
  endsOn,
  steps: step(startsOn, endsOn),
  noticeDays: 90,
  staff: null,
  programId: extra.programId ?? null,
});
const sign = (organizationId: string, nodeIds: string[], startsOn: string, endsOn: string) =>
  withTransaction(
    db(),
    (tx) => createLease(tx, operatorScope(hub), { organizationId, nodeIds, ...terms(startsOn, endsOn) }, new Date('2027-01-01T04:00:00Z')),
    ledgerTx,
  );

async function member(organizationId: string): Promise<TestUser> {
  const user = await createTestUser(ctx);
  await db().execute(sql`INSERT INTO organization_members (hub_id, organization_id, user_id, role) VALUES (${hub.id}, ${organizationId}, ${user.id}, 'owner')`);
  return user;
}

describe('renewing a lease', () => {
  it('a new term from the end with its own steps and subsidy; once; 404 to another park’s operator; bad dates a 400', async () => {
    const park = await spacePark(db(), hub, { buildings: 1, floors: 1, units: 1 });
    const [org] = await spaceOrgs(db(), hub, 1);
    const first = await sign(org!, park.units, '2027-01-01', '2028-01-01');
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const otherOperator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    await operatePark(db(), hub, park.parkId, operator.id);
    const renew = (who: TestUser, payload: object, key: string) =>
      ctx.app.inject(as(who, { method: 'POST', url: `/api/hubs/${hub.slug}/spaces/leases/${first.id}/renew`, payload, headers: { 'idempotency-key': key } }));
    const body = { endsOn: '2030-01-01', steps: step('2028-01-01', '2030-01-01', '660000'), programId };

    expect((await renew(otherOperator, body, 'renew-other-1')).statusCode).toBe(404);
    const early = await renew(operator, { ...body, endsOn: '2028-01-01', steps: step('2028-01-01', '2029-01-01') }, 'renew-bad-01');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ path: 'endsOn', code: 'ENDS_BEFORE_START' });
    // A new term is a lease of its own: at most 20 years.
    const endless = await renew(operator, { ...body, endsOn: '2048-01-02', steps: step('2028-01-01', '2048-01-02') }, 'renew-bad-02');
    expect([endless.statusCode, endless.json().error.fields[0]]).toMatchObject([400, { path: 'endsOn', code: 'TOO_BIG' }]);

    const renewed = await renew(operator, body, 'renew-key-01');
    expect(renewed.statusCode, renewed.body).toBe(201);
    // Its own subsidy under Wuchang: year 1 of the new term free (CNY 6,600), year 2 half.
    expect(renewed.json()).toMatchObject({
      renewsId: first.id,
      startsOn: '2028-01-01',
      endsOn: '2030-01-01',
      steps: [
        { startsOn: '2028-01-01', endsOn: '2029-01-01', monthlyRent: '660000', subsidyShare: '660000' },
        { startsOn: '2029-01-01', endsOn: '2030-01-01', monthlyRent: '660000', subsidyShare: '330000' },
      ],
      subsidy: { committed: (12n * 660_000n + 12n * 330_000n).toString() },
    });
    const replay = await renew(operator, body, 'renew-key-01');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(renewed.json().id);
    const again = await renew(operator, body, 'renew-key-02');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LEASE_RENEWED');
    expect(await verifyLedger(db(), hub.id)).toEqual([]);
  });

  it('a renewal racing another company’s lease of the same unit from the same day: one wins, 10 rounds', async () => {
    for (let round = 0; round < 10; round++) {
      const park = await spacePark(db(), hub, { buildings: 1, floors: 1, units: 1 });
      const [tenant, rival] = await spaceOrgs(db(), hub, 2);
      const lease = await sign(tenant!, park.units, '2027-01-01', '2028-01-01');
      const results = await Promise.allSettled([
        withTransaction(
          wide.db,
          (tx) => renewLease(tx, operatorScope(hub), lease.id, { endsOn: '2029-01-01', steps: step('2028-01-01', '2029-01-01') }),
          ledgerTx,
        ),
        withTransaction(
          wide.db,
          (tx) => createLease(tx, operatorScope(hub), { organizationId: rival!, nodeIds: park.units, ...terms('2028-01-01', '2029-01-01') }),
          ledgerTx,
        ),
      ]);
      const outcomes = results.map(outcome).sort();
      expect(outcomes).toEqual(['SPACE_NOT_AVAILABLE', 'WON']);
      const { rows } = await db().execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM space_leases WHERE hub_id = ${hub.id} AND node_ids = ${sql.param(park.units)}::uuid[] AND starts_on = '2028-01-01'`,
      );
      expect(rows[0]!.n).toBe(1);
    }
  });

  it('ten renewals of one lease at once: one new term, the rest LEASE_RENEWED', async () => {
    const park = await spacePark(db(), hub, { buildings: 1, floors: 1, units: 1 });
    const [tenant] = await spaceOrgs(db(), hub, 1);
    const lease = await sign(tenant!, park.units, '2027-01-01', '2028-01-01');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        withTransaction(
          wide.db,
          (tx) => renewLease(tx, operatorScope(hub), lease.id, { endsOn: '2029-01-01', steps: step('2028-01-01', '2029-01-01') }),
          ledgerTx,
        ),
      ),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'WON')).toHaveLength(1);
    expect(new Set(outcomes.filter((o) => o !== 'WON'))).toEqual(new Set(['LEASE_RENEWED']));
  });
});

describe('subsidised offers', () => {
  it('the offer carries the program; accepting signs the subsidised lease once, whatever the retries and races', async () => {
    const park = await spacePark(db(), hub, { buildings: 1, floors: 1, units: 2 });
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    await operatePark(db(), hub, park.parkId, operator.id);
    const [org] = await spaceOrgs(db(), hub, 1);
    const founder = await member(org!);
    const base = `/api/hubs/${hub.slug}/spaces`;
    const asked = await ctx.app.inject(
      as(founder, { method: 'POST', url: `${base}/requests`, payload: { organizationId: org, areaM2: 90, startsOn: '2027-04-01', months: 24 } }),
    );
    const offer = (payload: object) => ctx.app.inject(as(operator, { method: 'POST', url: `${base}/requests/${asked.json().id}/offer`, payload }));

    // A program that is not the hub's: 404 on programId, nothing offered.
    const wrong = await offer({ nodeIds: [park.units[0]], programId: hub.id });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'programId', code: 'NOT_IN_HUB' });
    const offered = await offer({ nodeIds: [park.units[0]], programId, hours: 24 });
    expect(offered.statusCode, offered.body).toBe(200);
    expect(offered.json().offer).toMatchObject({ program: { id: programId, name: { en: 'Wuchang' } } });

    // Ten accepts at once (a double tap and retries with new keys), then a retry of the winner's key.
    const accept = (key: string) =>
      ctx.app.inject(as(founder, { method: 'POST', url: `${base}/requests/${asked.json().id}/accept`, headers: { 'idempotency-key': key } }));
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => accept(`accept-key-${i}`)));
    const won = all.filter((r) => r.statusCode === 201);
    expect(won).toHaveLength(1);
    expect(new Set(all.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code))).toEqual(new Set(['CONFLICT']));
    // 100 m² at CNY 60 under Wuchang: year 1 all of it, year 2 half; committed on the line.
    expect(won[0]!.json()).toMatchObject({
      steps: [
        { startsOn: '2027-04-01', endsOn: '2028-04-01', monthlyRent: '600000', subsidyShare: '600000' },
        { startsOn: '2028-04-01', endsOn: '2029-04-01', monthlyRent: '600000', subsidyShare: '300000' },
      ],
      subsidy: { programId, committed: (12n * 600_000n + 12n * 300_000n).toString() },
    });
    const winnerKey = `accept-key-${all.indexOf(won[0]!)}`;
    const replay = await accept(winnerKey);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(won[0]!.json().id);
    const { rows } = await db().execute<{ leases: number; commitments: number }>(sql`
      SELECT (SELECT count(*)::int FROM space_leases WHERE hub_id = ${hub.id} AND organization_id = ${org}) AS leases,
             (SELECT count(*)::int FROM commitments WHERE hub_id = ${hub.id} AND cause_id = ${won[0]!.json().id}) AS commitments`);
    expect(rows[0]).toEqual({ leases: 1, commitments: 1 });
    expect(await verifyLedger(db(), hub.id)).toEqual([]);
  });
});

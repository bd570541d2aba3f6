import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { operatorScope, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { createSpaceHold } from './holds.service.js';
import { createLease } from './leases.service.js';

let ctx: TestContext;
let wide: Database;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20); // real concurrency: 20 sessions at once
});
afterAll(() => wide.close());

const outcome = (o: PromiseSettledResult<unknown>) => (o.status === 'fulfilled' ? 'TAKEN' : ((o.reason as { code?: string }).code ?? String(o.reason)));
const terms = (startsOn: string, endsOn: string) => ({
  startsOn,
  endsOn,
  steps: [{ startsOn, endsOn, monthlyRent: '600000' }],
  noticeDays: 90,
  staff: null,
  programId: null,
});

/**
 * Units occupied twice: two active whole claims whose days overlap, on one unit or on
 * nodes one of which contains the other.
 */
async function occupiedTwice(db: Db, hubId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM space_claims a
    JOIN space_nodes na ON na.hub_id = a.hub_id AND na.id = a.node_id
    JOIN space_claims b ON b.hub_id = a.hub_id AND b.id <> a.id AND b.active AND b.whole
    JOIN space_nodes nb ON nb.hub_id = b.hub_id AND nb.id = b.node_id
    WHERE a.hub_id = ${hubId} AND a.active AND a.whole
      AND daterange(a.starts_on, a.ends_on) && daterange(b.starts_on, b.ends_on)
      AND (na.id = nb.id OR na.id = ANY(nb.ancestors))`);
  return rows[0]!.n;
}

describe('spaces under concurrency', () => {
  it('100 companies lease the same two units for overlapping years at once: exactly one lease, the rest SPACE_NOT_AVAILABLE', async () => {
    const hub = await createTestHub(ctx);
    const park = await spacePark(wide.db, hub, { buildings: 1, floors: 1, units: 3 });
    const orgs = await spaceOrgs(wide.db, hub, 100);
    const scope = operatorScope(hub);
    const results = await Promise.allSettled(
      orgs.map((org, i) => {
        const start = `2027-0${1 + (i % 3)}-01`;
        return withTransaction(wide.db, (tx) =>
          createLease(tx, scope, { organizationId: org, nodeIds: [park.units[0]!, park.units[1]!], ...terms(start, '2029-01-01') }),
        );
      }),
    );
    const codes = results.map(outcome);
    expect(codes.filter((c) => c === 'TAKEN')).toHaveLength(1);
    expect(new Set(codes.filter((c) => c !== 'TAKEN'))).toEqual(new Set(['SPACE_NOT_AVAILABLE']));
    const { rows } = await wide.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM space_leases WHERE hub_id = ${hub.id}`);
    expect(rows[0]!.n).toBe(1);
    expect(await occupiedTwice(wide.db, hub.id)).toBe(0);
    // The lease's event, written by dg_space_lease in SQL, hashes as the app's chain does; the losers left none.
    const { rows: events } = await wide.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} AND subject_type = 'space_lease'`,
    );
    expect(events.map((e) => e.action)).toEqual(['space.leased']);
    expect((await verifyAuditChain(wide.db, hub.id)).break).toBeNull();
  });

  it('a building lease racing leases of units inside it: one side wins whole, never a mix', async () => {
    const hub = await createTestHub(ctx);
    const scope = operatorScope(hub);
    const orgs = await spaceOrgs(wide.db, hub, 7);
    const tally = { building: 0, units: 0 };
    for (let round = 0; round < 8; round++) {
      const park = await spacePark(wide.db, hub, { buildings: 1, floors: 2, units: 3 });
      const building = park.buildings[0]!;
      const racers = [
        () =>
          withTransaction(wide.db, (tx) => createLease(tx, scope, { organizationId: orgs[0]!, nodeIds: [building.id], ...terms('2027-01-01', '2030-01-01') })),
        ...park.units.map(
          (u, i) => () =>
            withTransaction(wide.db, (tx) => createLease(tx, scope, { organizationId: orgs[1 + i]!, nodeIds: [u], ...terms('2028-01-01', '2029-01-01') })),
        ),
      ];
      const results = (await Promise.allSettled(racers.map((r) => r()))).map(outcome);
      const buildingWon = results[0] === 'TAKEN';
      const unitsWon = results.slice(1).filter((c) => c === 'TAKEN').length;
      // Either the building lease stands and no unit lease does, or the reverse, wholly.
      if (buildingWon) expect(unitsWon).toBe(0);
      else {
        expect(results[0]).toBe('SPACE_NOT_AVAILABLE');
        expect(unitsWon).toBe(park.units.length);
      }
      if (buildingWon) tally.building++;
      else tally.units++;
      expect(await occupiedTwice(wide.db, hub.id)).toBe(0);
    }
    expect(tally.building + tally.units).toBe(8);
  });

  it('a hold racing a lease of the same floor: one wins', async () => {
    const hub = await createTestHub(ctx);
    const scope = operatorScope(hub);
    const [a, b] = await spaceOrgs(wide.db, hub, 2);
    for (let round = 0; round < 10; round++) {
      const park = await spacePark(wide.db, hub, { buildings: 1, floors: 1, units: 2 });
      const floor = park.buildings[0]!.floors[0]!;
      const results = (
        await Promise.allSettled([
          withTransaction(wide.db, (tx) =>
            createSpaceHold(tx, scope, {
              organizationId: a!,
              nodeIds: [floor.id],
              startsOn: '2027-01-01',
              endsOn: '2030-01-01',
              reason: 'Kept for a relocation',
              decidedBy: 'Park board',
              source: null,
            }),
          ),
          withTransaction(wide.db, (tx) => createLease(tx, scope, { organizationId: b!, nodeIds: [floor.units[1]!], ...terms('2029-06-01', '2031-06-01') })),
        ])
      ).map(outcome);
      expect(results.filter((c) => c === 'TAKEN')).toHaveLength(1);
      expect(results.filter((c) => c === 'SPACE_NOT_AVAILABLE')).toHaveLength(1);
    }
    expect(await occupiedTwice(wide.db, hub.id)).toBe(0);
  });
});

import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { operatorScope, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { convertHoldToLease } from './convert-hold.service.js';
import { createSpaceHold, releaseSpaceHold } from './holds.service.js';
import { createLease, endLease, moveLease } from './leases.service.js';
import { addMonths } from './rent-schedule.js';

/**
 * A model of hold / lease / end / move / release / convert on one building (2 floors × 2
 * units): the model says which succeed, the database must agree, and no unit is ever
 * occupied twice nor held space leased to another organisation.
 */
let ctx: TestContext;
let hub: HubRow;
let orgs: string[];
beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  orgs = await spaceOrgs(ctx.database.db, hub, 3);
});

// Node 0 is the building, 1-2 its floors, 3-4 units of floor 1, 5-6 units of floor 2.
const above: number[][] = [[], [0], [0], [0, 1], [0, 1], [0, 2], [0, 2]];
const related = (a: number, b: number) => a === b || above[a]!.includes(b) || above[b]!.includes(a);
const day = (m: number) => addMonths('2027-01-01', m);

type Take = { id: string; kind: 'hold' | 'lease'; org: number; node: number; start: number; end: number; closed: boolean };
type Op =
  | { t: 'lease' | 'hold'; org: number; node: number; start: number; len: number }
  | { t: 'end' | 'release'; which: number; at: number }
  | { t: 'convert'; which: number; at: number; len: number }
  | { t: 'move'; which: number; node: number; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constantFrom('lease' as const, 'hold' as const), org: fc.nat(2), node: fc.nat(6), start: fc.nat(10), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ t: fc.constantFrom('end' as const, 'release' as const), which: fc.nat(5), at: fc.nat(8) }),
  fc.record({ t: fc.constant('convert' as const), which: fc.nat(5), at: fc.nat(8), len: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ t: fc.constant('move' as const), which: fc.nat(5), node: fc.nat(6), at: fc.integer({ min: 1, max: 6 }) }),
);

const clashes = (takes: Take[], node: number, start: number, end: number, except?: string) =>
  takes.some((k) => k.id !== except && k.start < k.end && related(k.node, node) && k.start < end && start < k.end);

async function outcome(run: () => Promise<unknown>): Promise<{ code: string; value?: unknown }> {
  try {
    return { code: 'OK', value: await run() };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error) };
  }
}

describe('spaces model', () => {
  it('random sequences agree with the model; no unit is ever occupied twice', async () => {
    const scope = operatorScope(hub);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 2, units: 2 });
        const b = park.buildings[0]!;
        const nodes = [b.id, b.floors[0]!.id, b.floors[1]!.id, ...b.floors[0]!.units, ...b.floors[1]!.units];
        const takes: Take[] = [];
        const of = (kind: Take['kind'], which: number) => takes.filter((k) => k.kind === kind)[which];
        const terms = (start: number, end: number) => ({
          startsOn: day(start),
          endsOn: day(end),
          steps: [{ startsOn: day(start), endsOn: day(end), monthlyRent: '500000' }],
          noticeDays: 30,
          staff: null,
          programId: null,
        });
        for (const op of ops) {
          if (op.t === 'lease' || op.t === 'hold') {
            const end = op.start + op.len;
            const expected = clashes(takes, op.node, op.start, end) ? 'SPACE_NOT_AVAILABLE' : 'OK';
            const got = await outcome(() =>
              withTransaction(ctx.database.db, (tx): Promise<{ id: string }> =>
                op.t === 'lease'
                  ? createLease(tx, scope, { organizationId: orgs[op.org]!, nodeIds: [nodes[op.node]!], ...terms(op.start, end) })
                  : createSpaceHold(tx, scope, {
                      organizationId: orgs[op.org]!,
                      nodeIds: [nodes[op.node]!],
                      startsOn: day(op.start),
                      endsOn: day(end),
                      reason: 'model',
                      decidedBy: 'model',
                      source: null,
                    }),
              ),
            );
            expect(got.code).toBe(expected);
            if (got.code === 'OK')
              takes.push({ id: (got.value as { id: string }).id, kind: op.t, org: op.org, node: op.node, start: op.start, end, closed: false });
          } else if (op.t === 'end' || op.t === 'release') {
            const k = of(op.t === 'end' ? 'lease' : 'hold', op.which);
            if (!k) continue;
            const at = k.start + Math.min(op.at, k.end - k.start);
            const got = await outcome(() =>
              withTransaction(ctx.database.db, (tx): Promise<{ id: string }> =>
                op.t === 'end' ? endLease(tx, scope, k.id, { endsOn: day(at), reason: 'tenant_left' }) : releaseSpaceHold(tx, scope, k.id, { from: day(at) }),
              ),
            );
            expect(got.code).toBe(k.closed ? (op.t === 'end' ? 'LEASE_NOT_ACTIVE' : 'HOLD_NOT_ACTIVE') : 'OK');
            if (got.code === 'OK') Object.assign(k, { end: Math.max(k.start, at), closed: true });
          } else if (op.t === 'convert') {
            const h = of('hold', op.which);
            if (!h) continue;
            const start = h.start + Math.min(op.at, h.end - h.start);
            const end = start + op.len;
            const trimmed = takes.map((k) => (k.id === h.id ? { ...k, end: Math.min(k.end, start) } : k));
            const expected = h.closed ? 'HOLD_NOT_ACTIVE' : clashes(trimmed, h.node, start, end) ? 'SPACE_NOT_AVAILABLE' : 'OK';
            const got = await outcome(() => withTransaction(ctx.database.db, (tx) => convertHoldToLease(tx, scope, h.id, terms(start, end))));
            expect(got.code).toBe(expected);
            if (got.code === 'OK') {
              Object.assign(h, { end: Math.max(h.start, Math.min(h.end, start)), closed: true });
              takes.push({ id: (got.value as { id: string }).id, kind: 'lease', org: h.org, node: h.node, start, end, closed: false });
            }
          } else {
            const mv = op as Extract<Op, { t: 'move' }>;
            const l = of('lease', mv.which);
            if (!l) continue;
            const at = l.start + mv.at;
            const valid = at > l.start && at < l.end;
            const trimmed = takes.map((k) => (k.id === l.id ? { ...k, end: at } : k));
            const expected = l.closed ? 'LEASE_NOT_ACTIVE' : !valid ? 'VALIDATION_FAILED' : clashes(trimmed, mv.node, at, l.end) ? 'SPACE_NOT_AVAILABLE' : 'OK';
            const got = await outcome(() =>
              withTransaction(ctx.database.db, (tx) =>
                moveLease(tx, scope, l.id, { nodeIds: [nodes[mv.node]!], from: day(at), steps: terms(at, l.end).steps }),
              ),
            );
            expect(got.code).toBe(expected);
            if (got.code === 'OK') {
              const end = l.end;
              Object.assign(l, { end: at, closed: true });
              takes.push({ id: (got.value as { id: string }).id, kind: 'lease', org: l.org, node: mv.node, start: at, end, closed: false });
            }
          }
          // The database's own view: no two active whole claims on related nodes overlap.
          const { rows } = await ctx.database.db.execute<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM space_claims a JOIN space_nodes na ON na.hub_id = a.hub_id AND na.id = a.node_id
            JOIN space_claims c ON c.hub_id = a.hub_id AND c.id <> a.id AND c.active AND c.whole
            JOIN space_nodes nc ON nc.hub_id = c.hub_id AND nc.id = c.node_id
            WHERE a.hub_id = ${hub.id} AND na.park_id = ${park.parkId} AND a.active AND a.whole
              AND daterange(a.starts_on, a.ends_on) && daterange(c.starts_on, c.ends_on) AND (na.id = nc.id OR na.id = ANY(nc.ancestors))`);
          expect(rows[0]!.n).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});

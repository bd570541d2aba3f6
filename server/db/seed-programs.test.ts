import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../test/factories.js';
import { PDF, uploadAs } from '../test/file-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../test/harness.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { readProgramsSeed, seedPrograms } from './seed-programs.js';
import { yearsAgo } from '../test/test-window.js';

// The demo programs seeded into a hub of this test's own (the shared demo hubs belong to
// seed.test.ts), then used the way the demo accounts use them.

let ctx: TestContext;
let hub: HubRow;
let admin: TestUser;
let founder: TestUser;
let graduate: TestUser;
let startupId: string;
const programs = new Map<string, string>();

beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  founder = await createTestUser(ctx);
  graduate = await createTestUser(ctx);
  const create = (user: TestUser, body: object) => ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: body }));
  await create(
    admin,
    organizationInput({ kind: 'university', name: { zh: '浙江大学', en: 'Zhejiang University' }, sectors: ['education'], foundedOn: '1897-05-21' }),
  );
  startupId = (await create(founder, organizationInput({ kind: 'startup', sectors: ['robotics', 'ai'], foundedOn: yearsAgo(1), headcount: undefined }))).json()
    .id;
  const seed = readProgramsSeed();
  await seedPrograms(ctx.database.db, admin.email, { ...seed, hub: hub.slug, graduate: { ...seed.graduate, account: graduate.email } });
  const list = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/programs` });
  for (const p of list.json().items as { id: string; budgetLine: string }[]) programs.set(p.budgetLine, p.id);
});

const apply = (user: TestUser, line: string, body: object) =>
  ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${programs.get(line)}/applications`, payload: body }));

describe('demo programs seed', () => {
  it('publishes the seven programs, each with money left on its budget line', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/programs` })).json().items as { kind: string; budgetLeft: string }[];
    expect(list.map((p) => p.kind).sort()).toEqual([
      'compute_voucher',
      'housing_supplement',
      'rent_subsidy',
      'subsidy',
      'subsidy',
      'talent_allowance',
      'tax_relief',
    ]);
    for (const p of list) expect(BigInt(p.budgetLeft)).toBeGreaterThan(0n);
  });

  it('changes nothing when run again', async () => {
    const seed = readProgramsSeed();
    const again = await seedPrograms(ctx.database.db, admin.email, { ...seed, hub: hub.slug, graduate: { ...seed.graduate, account: graduate.email } });
    expect(again).toEqual({ yearOpened: false, lines: 0, programs: 0, graduateLinked: false });
  });

  it('approves the demo startup for a compute voucher: 30% of CNY 1 m on domestic chips', async () => {
    const scan = (await uploadAs(ctx, hub, founder, PDF)).json();
    const answers = { contract_number: 'HZ-2026-001', contract_amount: '100000000', chips: 'domestic', signed_on: '2026-10-15', contract_scan: scan.id };
    const res = await apply(founder, 'compute-vouchers', { organizationId: startupId, answers });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'approved', amount: '30000000' });
  });

  it('approves the demo startup for the startup subsidy', async () => {
    const res = await apply(founder, 'startup-subsidy', { organizationId: startupId, answers: {} });
    expect(res.json()).toMatchObject({ status: 'approved', amount: '50000000' });
  });

  it('gives the graduate the master row of the living allowance in two conditional halves', async () => {
    const res = await apply(graduate, 'graduate-allowance', { answers: {} });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'approved', amount: '3000000' });
    expect(body.benefit.tranches.map((t: { amount: string; condition: { months: number } }) => [t.amount, t.condition.months])).toEqual([
      ['1500000', 6],
      ['1500000', 12],
    ]);
  });

  it('refuses the graduate the talent housing supplement, naming the talent class', async () => {
    const body = (await apply(graduate, 'talent-housing', { answers: { employer: 'Qiantang Embodied AI' } })).json();
    expect(body.status).toBe('refused');
    expect(body.screening.results.filter((r: { passed: boolean }) => !r.passed).map((r: { key: string }) => r.key)).toEqual(['talent_class']);
  });
});

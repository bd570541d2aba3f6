import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft, fixedBenefit } from '../../test/program-factories.js';
import { forgetHubs } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

// Who qualifies under the draft (at least 20 staff), by district: each counted once, those that say none under `none`.
const SEED = [
  { district: 'xihu', headcount: 30 },
  { district: 'xihu', headcount: 40 },
  { district: 'xihu', headcount: 5 },
  { district: 'binjiang', headcount: 25 },
  { district: 'binjiang', headcount: 3 },
  { district: undefined, headcount: 100 },
] as const;
const FIXED = 5_000_000n;

describe('simulateProgram by district', () => {
  it('breaks those who would qualify down by the district they said, as a direct count of the seed gives', async () => {
    const hub = await createTestHub(ctx);
    const districts = [
      { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
      { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
      { code: 'xiaoshan', name: { zh: '萧山区', en: 'Xiaoshan' } },
    ];
    await ctx.database.db.execute(sql`UPDATE hubs SET districts = ${JSON.stringify(districts)}::jsonb WHERE id = ${hub.id}`);
    forgetHubs(ctx.database.db);
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft() }))).json();
    for (const s of SEED) {
      const founder = await createTestUser(ctx);
      const res = await ctx.app.inject(
        as(founder, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/organizations`,
          payload: organizationInput({ headcount: s.headcount, district: s.district }),
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const rules = computeVoucherDraft().rules as Record<string, unknown>;
    const res = await ctx.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/programs/${program.id}/simulation`,
        payload: {
          rules: {
            ...rules,
            criteria: [
              {
                key: 'staffed',
                name: { zh: '至少20人', en: 'At least 20 staff' },
                expression: 'applicant.headcount >= 20',
                reason: { zh: '人数不足', en: 'Too few staff' },
              },
            ],
            benefit: fixedBenefit(FIXED),
          },
          assumedAnswers: { contract_amount: '1000000000', chips: 'domestic' },
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const byDistrict = res.json().breakdowns.find((b: { by: string }) => b.by === 'district').rows as { key: string; qualify: number; cost: string }[];
    const expected = new Map<string, number>();
    for (const s of SEED.filter((x) => x.headcount >= 20)) expected.set(s.district ?? 'none', (expected.get(s.district ?? 'none') ?? 0) + 1);
    expect(Object.fromEntries(byDistrict.map((r) => [r.key, [r.qualify, r.cost]]))).toEqual(
      Object.fromEntries([...expected].map(([k, n]) => [k, [n, (FIXED * BigInt(n)).toString()]])),
    );
    expect(Object.fromEntries(byDistrict.map((r) => [r.key, r.qualify]))).toEqual({ xihu: 2, binjiang: 1, none: 1 });
  });
});

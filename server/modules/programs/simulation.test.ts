import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import type { ProgramRulesInput } from '../../../contracts/programs.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, fixedBenefit, contractAnswers } from '../../test/program-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { simulationInputSchema } from '../../../contracts/simulation.js';
import { simulateProgram } from './simulation.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const BUDGET = 10_000_000_000n;
const FIXED = 5_000_000n;
const CLAIM = '1000000000';

/** The organisations of the hub, as seeded: what a direct count reads. */
const SEED = [
  { key: 'A', kind: 'startup', sectors: ['ai'], headcount: 5 },
  { key: 'B', kind: 'startup', sectors: ['ai', 'robotics'], headcount: 30 },
  { key: 'C', kind: 'company', sectors: ['ai'], headcount: 60 },
  { key: 'D', kind: 'startup', sectors: ['games'], headcount: 25 },
  { key: 'E', kind: 'startup', sectors: ['ai'], headcount: 300 },
  { key: 'F', kind: 'university', sectors: ['ai', 'education'], headcount: 2000 },
] as const;

/** The draft: at least 20 people and in AI, a fixed sum. */
function draftRules(): ProgramRulesInput {
  const rules = computeVoucherDraft().rules as ProgramRulesInput;
  return {
    ...rules,
    criteria: [
      {
        key: 'staffed',
        name: { zh: '至少20人', en: 'At least 20 staff' },
        expression: 'applicant.headcount >= 20',
        reason: { zh: '人数不足', en: 'Too few staff' },
      },
      { key: 'ai', name: { zh: '人工智能', en: 'In AI' }, expression: "'ai' in applicant.sectors", reason: { zh: '须属于人工智能', en: 'Must work in AI' } },
    ],
    benefit: fixedBenefit(FIXED),
  };
}

async function seededHub() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': BUDGET }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const created = await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft() }));
  expect(created.statusCode, created.body).toBe(201);
  const program = created.json() as { id: string };
  const orgs: Record<string, { id: string; founder: TestUser }> = {};
  for (const s of SEED) {
    const founder = await createTestUser(ctx);
    const res = await ctx.app.inject(
      as(founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/organizations`,
        payload: organizationInput({ kind: s.kind, sectors: s.sectors, headcount: s.headcount, name: { zh: `机构${s.key}`, en: `Org ${s.key}` } }),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    orgs[s.key] = { id: res.json().id, founder };
  }
  return { hub, officer, program, orgs };
}

const simulate = (hub: HubRow, user: TestUser, programId: string, body: object, lang = 'en-US') =>
  ctx.app.inject(
    as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${programId}/simulation`, payload: body, headers: { 'accept-language': lang } }),
  );

/** Rows of every hub-owned table for this hub, and the program row: a write anywhere changes it. */
async function everything(hub: HubRow): Promise<Record<string, unknown>> {
  const { rows: tables } = await ctx.database.db.execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'hub_id' ORDER BY table_name`,
  );
  const counts: Record<string, unknown> = {};
  for (const { table_name } of tables) {
    const { rows } = await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} WHERE hub_id = ${hub.id}`);
    counts[table_name] = rows[0]!.n;
  }
  counts.programs = (await ctx.database.db.execute(sql`SELECT * FROM programs WHERE hub_id = ${hub.id}`)).rows;
  return counts;
}

describe('simulateProgram', () => {
  it('counts, prices and compares exactly what a direct count of the seed gives, and writes nothing', async () => {
    const { hub, officer, program, orgs } = await seededHub();
    const before = await everything(hub);

    const res = await simulate(hub, officer, program.id, {
      rules: draftRules(),
      assumedAnswers: { contract_amount: CLAIM, chips: 'domestic' },
      takeUpBasisPoints: 5000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const sim = res.json();

    // The direct count, from the seed itself.
    const draftSet = SEED.filter((s) => s.headcount >= 20 && (s.sectors as readonly string[]).includes('ai')).map((s) => s.key);
    const currentSet = SEED.filter((s) => s.kind === 'startup' && (s.sectors as readonly string[]).includes('ai')).map((s) => s.key);
    // The current version: 30% of the assumed claim for domestic chips, capped at 8,000,000 yuan.
    const currentAmount = (BigInt(CLAIM) * 3000n) / 10000n;
    expect(draftSet).toEqual(['B', 'C', 'E', 'F']);
    expect(sim).toMatchObject({
      program: program.id,
      version: 1,
      applicantType: 'organization',
      evaluated: SEED.length,
      draft: { qualify: draftSet.length, cost: (FIXED * BigInt(draftSet.length)).toString() },
      current: { qualify: currentSet.length, cost: (currentAmount * BigInt(currentSet.length)).toString() },
      takeUpBasisPoints: 5000,
      expectedCost: ((FIXED * BigInt(draftSet.length)) / 2n).toString(),
      budgetLeft: BUDGET.toString(),
      shareOfBudgetLeftBasisPoints: Number((((FIXED * BigInt(draftSet.length)) / 2n) * 10000n) / BUDGET),
      amounts: { min: FIXED.toString(), median: FIXED.toString(), max: FIXED.toString() },
      atApplication: [],
    });
    const gained = draftSet.filter((k) => !currentSet.includes(k));
    const lost = currentSet.filter((k) => !draftSet.includes(k));
    expect(sim.gained.count).toBe(gained.length);
    expect(sim.gained.sample.map((x: { id: string }) => x.id).sort()).toEqual(gained.map((k) => orgs[k]!.id).sort());
    expect(sim.lost).toEqual({ count: lost.length, sample: lost.map((k) => ({ id: orgs[k]!.id, name: { zh: `机构${k}`, en: `Org ${k}` } })) });

    const bySector = sim.breakdowns.find((b: { by: string }) => b.by === 'sector').rows;
    const sectors = new Map<string, number>();
    for (const s of SEED.filter((x) => draftSet.includes(x.key))) for (const sector of s.sectors) sectors.set(sector, (sectors.get(sector) ?? 0) + 1);
    expect(Object.fromEntries(bySector.map((r: { key: string; qualify: number }) => [r.key, r.qualify]))).toEqual(Object.fromEntries(sectors));
    const bySize = sim.breakdowns.find((b: { by: string }) => b.by === 'size').rows;
    expect(Object.fromEntries(bySize.map((r: { key: string; qualify: number; cost: string }) => [r.key, [r.qualify, r.cost]]))).toEqual({
      '10-49': [1, FIXED.toString()],
      '50-249': [1, FIXED.toString()],
      '250+': [2, (2n * FIXED).toString()],
    });

    expect(await everything(hub)).toEqual(before);
  });

  it('agrees with reality: the same rules published, the same applicants apply, the same set is approved for the same amounts', async () => {
    const { hub, officer, program, orgs } = await seededHub();
    const sim = (await simulate(hub, officer, program.id, { rules: draftRules() })).json();

    const saved = await ctx.app.inject(
      as(officer, { method: 'PUT', url: `/api/hubs/${hub.slug}/programs/${program.id}`, payload: computeVoucherDraft({ rules: draftRules() } as never) }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }))).statusCode).toBe(200);
    const approved: string[] = [];
    let paid = 0n;
    for (const [key, { id, founder }] of Object.entries(orgs)) {
      const res = await ctx.app.inject(
        as(founder, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
          payload: { organizationId: id, answers: contractAnswers(CLAIM) },
          headers: { 'idempotency-key': `sim-${key}-${id}` },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      if (res.json().status === 'approved') {
        approved.push(id);
        paid += BigInt(res.json().amount);
      }
    }
    expect(approved.length).toBe(sim.draft.qualify);
    expect(paid.toString()).toBe(sim.draft.cost);
    // Now the saved version is the current one: simulating it again gains and loses nobody.
    const again = (await simulate(hub, officer, program.id, { rules: draftRules() })).json();
    expect(again).toMatchObject({ version: 2, gained: { count: 0 }, lost: { count: 0 }, current: { qualify: approved.length } });
  });

  it('reads each organisation’s latest facts, and a fact recorded since the last run', async () => {
    const { hub, program, orgs } = await seededHub();
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const fact = async (asOf: string, quantity: string) => {
      const res = await ctx.app.inject(
        as(admin, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/organizations/${orgs.A!.id}/facts`,
          payload: { metric: 'headcount', asOf, quantity, source: { note: 'payroll' } },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    };
    const scope = { hub, actor: { userId: null, hubRoles: ['program_officer' as const] } };
    const input = simulationInputSchema.parse({ rules: draftRules(), assumedAnswers: { contract_amount: CLAIM, chips: 'domestic' } });
    const run = () => simulateProgram(ctx.database.db, scope, program.id, input, { now: new Date('2026-06-01T00:00:00Z') });
    expect((await run()).draft.qualify).toBe(4); // B, C, E, F

    // A had 5 people at registration; a later fact says 25 (an older one said 50): the latest wins, so A now qualifies.
    await fact('2024-06-30', '25');
    await fact('2020-01-01', '50');
    const grown = await run();
    expect(grown.draft.qualify).toBe(5);
    // A counts by its latest headcount: two of 10-49 people (A at 25, B at 30).
    expect(grown.breakdowns.find((b) => b.by === 'size')!.rows.find((r) => r.key === '10-49')).toMatchObject({ qualify: 2 });
    expect(await run()).toEqual(grown);

    // A newer fact shrinks A again: the next run sees it.
    await fact('2025-12-31', '6');
    expect((await run()).draft.qualify).toBe(4);
  });

  it('staff only; another hub’s program is 404; bad rules and bad assumed answers are 400 naming the field, in both languages', async () => {
    const { hub, officer, program, orgs } = await seededHub();
    const other = await createTestHub(ctx);
    const otherOfficer = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    expect((await simulate(other, otherOfficer, program.id, { rules: draftRules() })).statusCode).toBe(404);
    expect((await simulate(hub, otherOfficer, program.id, { rules: draftRules() })).statusCode).toBe(404);
    expect((await simulate(hub, orgs.A!.founder, program.id, { rules: draftRules() })).statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/simulation`, payload: { rules: draftRules() } })).statusCode,
    ).toBe(401);

    const broken = draftRules();
    broken.criteria[0]!.expression = 'applicant.headcount >= ';
    const bad = await simulate(hub, officer, program.id, { rules: broken }, 'zh-CN');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'rules.criteria.0.expression', code: 'INVALID_EXPRESSION' });

    for (const lang of ['en-US', 'zh-CN'] as const) {
      const wrong = await simulate(hub, officer, program.id, { rules: draftRules(), assumedAnswers: { contract_amount: 'lots' } }, lang);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields).toEqual([
        { path: 'assumedAnswers.contract_amount', code: 'INVALID_TYPE', message: fieldErrorMessages.INVALID_TYPE[lang] },
      ]);
    }
    const take = await simulate(hub, officer, program.id, { rules: draftRules(), takeUpBasisPoints: 10001 });
    expect(take.statusCode).toBe(400);
    expect(take.json().error.fields[0].path).toBe('takeUpBasisPoints');
    const nul = await simulate(hub, officer, program.id, { rules: draftRules(), assumedAnswers: { contract_number: 'C-\u0000' } });
    expect(nul.statusCode).toBe(400);
  });
});

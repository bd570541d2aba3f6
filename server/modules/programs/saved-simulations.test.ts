import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramRulesInput } from '../../../contracts/programs.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, fixedBenefit } from '../../test/program-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const FIXED = 5_000_000n;

/** At least 20 people and in AI, a fixed 50,000 yuan. */
function staffedRules(): ProgramRulesInput {
  const rules = computeVoucherDraft().rules as ProgramRulesInput;
  return {
    ...rules,
    criteria: [
      { key: 'staffed', name: { zh: '至少20人', en: 'At least 20 staff' }, expression: 'applicant.headcount >= 20', reason: { zh: '人数不足', en: 'Too few' } },
    ],
    benefit: fixedBenefit(FIXED),
  };
}

async function seeded() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const draft = computeVoucherDraft();
  const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }))).json() as { id: string };
  for (const [kind, headcount] of [
    ['startup', 30],
    ['startup', 40],
    ['company', 5],
  ] as const) {
    const founder = await createTestUser(ctx);
    const res = await ctx.app.inject(
      as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind, sectors: ['ai'], headcount }) }),
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  return { hub, officer, program, draft };
}

const save = (hub: HubRow, user: TestUser | null, programId: string, body: object, lang = 'en-US') =>
  ctx.app.inject(
    as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${programId}/simulations`, payload: body, headers: { 'accept-language': lang } }),
  );
const list = (hub: HubRow, user: TestUser | null, programId: string, query = '') =>
  ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/programs/${programId}/simulations${query}` }));

describe('saved simulations', () => {
  it('keeps a run with the version it was run for, who ran it and when; listed per version, newest first', async () => {
    const { hub, officer, program, draft } = await seeded();
    await ctx.database.db.execute(sql`UPDATE users SET name = 'Wang Fang' WHERE id = ${officer.id}`);

    // A draft not saved yet, against version 1: two of the three have 20 people, half take it up.
    const first = await save(hub, officer, program.id, { rules: staffedRules(), takeUpBasisPoints: 5000 });
    expect(first.statusCode, first.body).toBe(201);
    const kept = first.json();
    expect(kept).toMatchObject({ program: program.id, version: 1, sameRules: false, takeUpBasisPoints: 5000, runBy: 'Wang Fang' });
    expect(kept.result).toMatchObject({ version: 1, evaluated: 3, draft: { qualify: 2, cost: String(2n * FIXED) }, expectedCost: String(FIXED) });
    expect(Date.now() - Date.parse(kept.runAt)).toBeLessThan(60_000);

    // Version 1's own rules, unchanged.
    const same = await save(hub, officer, program.id, { rules: draft.rules, takeUpBasisPoints: 10000 });
    expect(same.statusCode, same.body).toBe(201);
    expect(same.json()).toMatchObject({ version: 1, sameRules: true });

    // The draft becomes version 2; a run for it is kept with it.
    const updated = await ctx.app.inject(
      as(officer, { method: 'PUT', url: `/api/hubs/${hub.slug}/programs/${program.id}`, payload: { ...draft, rules: staffedRules() } }),
    );
    expect(updated.statusCode, updated.body).toBe(200);
    const second = await save(hub, officer, program.id, { rules: staffedRules(), takeUpBasisPoints: 2500 });
    expect(second.json()).toMatchObject({ version: 2, sameRules: true, result: { expectedCost: String((2n * FIXED) / 4n) } });

    const all = await list(hub, officer, program.id);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((s: { id: string }) => s.id)).toEqual([second.json().id, same.json().id, kept.id]);
    expect(all.json().items[2]).toEqual(kept);
    const v1 = await list(hub, officer, program.id, '?version=1');
    expect(v1.json().items.map((s: { id: string }) => s.id)).toEqual([same.json().id, kept.id]);
    const v2 = (await list(hub, officer, program.id, '?version=2')).json();
    expect(v2.items.map((s: { version: number }) => s.version)).toEqual([2]);
    // Cursor paging.
    const page = (await list(hub, officer, program.id, '?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect((await list(hub, officer, program.id, `?limit=2&next=${page.next}`)).json().items.map((s: { id: string }) => s.id)).toEqual([kept.id]);

    // Each keep is audited with its version.
    const { rows } = await ctx.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hub.id} AND action = 'program.simulation_saved'`,
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('staff of the hub only: others are 404, signed out 401; a reviewer reads but does not run; bad input 400 naming the field', async () => {
    const { hub, officer, program } = await seeded();
    expect((await save(hub, officer, program.id, { rules: staffedRules(), takeUpBasisPoints: 5000 })).statusCode).toBe(201);

    const other = await createTestHub(ctx);
    const outsider = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    expect((await save(hub, outsider, program.id, { rules: staffedRules() })).statusCode).toBe(404);
    expect((await list(hub, outsider, program.id)).statusCode).toBe(404);
    // Named through the other hub: still not there.
    expect((await save(other, outsider, program.id, { rules: staffedRules() })).statusCode).toBe(404);
    expect((await list(other, outsider, program.id)).statusCode).toBe(404);
    const applicant = await createTestUser(ctx);
    expect((await list(hub, applicant, program.id)).statusCode).toBe(404);
    expect((await save(hub, applicant, program.id, { rules: staffedRules() })).statusCode).toBe(404);
    expect((await list(hub, null, program.id)).statusCode).toBe(401);

    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    expect((await list(hub, reviewer, program.id)).json().items).toHaveLength(1);
    expect((await save(hub, reviewer, program.id, { rules: staffedRules() })).statusCode).toBe(403);

    const bad = await save(hub, officer, program.id, { rules: staffedRules(), takeUpBasisPoints: 20000 }, 'zh-CN');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['takeUpBasisPoints']);
    expect((await list(hub, officer, program.id, '?version=zero')).statusCode).toBe(400);
    expect((await list(hub, officer, program.id)).json().items).toHaveLength(1);
  });
});

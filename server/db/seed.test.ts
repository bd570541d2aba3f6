import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dragonIds } from '../modules/ecosystem/dragons.js';
import { organizationFacts } from '../modules/ecosystem/facts.tables.js';
import { organizations } from '../modules/ecosystem/organizations.tables.js';
import { people } from '../modules/ecosystem/people.tables.js';
import { getTalentPipeline } from '../modules/ecosystem/pipeline.service.js';
import { impossibleDates } from '../modules/ecosystem/relation-dates.js';
import { relations } from '../modules/ecosystem/relations.tables.js';
import { createAuth } from '../platform/auth/auth.js';
import { findHub } from '../platform/tenancy/tenancy.js';
import { signIn, startTestApp, type TestContext } from '../test/harness.js';
import type { Db } from './connection.js';
import { inYear, seedYear } from './demo-year.js';
import { seedDemo } from './seed.js';
import { readEcosystemSeed } from './seed-ecosystem.js';
import { readProgramsSeed } from './seed-programs.js';

// The demo seed on the shared test database. The demo hubs are made by nothing else in
// the suite, and seedDemo is idempotent, so running it here (twice) is safe.

const DEMO_HUBS = ['hangzhou', 'shenzhen', 'beijing'] as const;
const SIX_DRAGONS = ['BrainCo', 'Deep Robotics', 'DeepSeek', 'ManyCore', 'Unitree Robotics', 'Game Science'];

let ctx: TestContext;
let db: Db;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const slug of DEMO_HUBS) {
    const hub = await findHub(db, slug);
    const count = async (table: typeof people | typeof relations | typeof organizations | typeof organizationFacts) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(table)
          .where(eq(table.hubId, hub.id))
      )[0]!.n;
    out[`${slug}.organizations`] = await count(organizations);
    out[`${slug}.people`] = await count(people);
    out[`${slug}.relations`] = await count(relations);
    out[`${slug}.facts`] = await count(organizationFacts);
  }
  return out;
}

beforeAll(async () => {
  ctx = await startTestApp();
  db = ctx.database.db;
  await seedDemo(db, createAuth(db, ctx.config));
});

describe('demo seed: the ecosystem', () => {
  it('reproduces the seed article: Zhejiang alumni founded 4 of the 6 dragons', async () => {
    const hub = await findHub(db, 'hangzhou');
    const pipeline = await getTalentPipeline(db, hub);
    expect(pipeline.dragons).toBe(6);
    const byName = new Map(pipeline.universities.map((u) => [u.university.name.en, u]));
    // Public reports tie three dragons to Zhejiang University (DeepSeek, Deep Robotics,
    // ManyCore) and Unitree's founder to Zhejiang Sci-Tech University; see seed/relations.json.
    expect(byName.get('Zhejiang University')?.dragonsFounded).toBe(3);
    expect(byName.get('Zhejiang Sci-Tech University')?.dragonsFounded).toBe(1);
    const dragonsByAlumni = new Set(pipeline.universities.flatMap((u) => u.foundedOrganizations.filter((o) => o.dragon).map((o) => o.name.en)));
    expect([...dragonsByAlumni].sort()).toEqual(['Deep Robotics', 'DeepSeek', 'ManyCore', 'Unitree Robotics']);
  });

  it('names the six dragons in Hangzhou under its rule', async () => {
    const hub = await findHub(db, 'hangzhou');
    const ids = await dragonIds(db, hub.id);
    const rows = await db.select({ id: organizations.id, name: organizations.nameEn }).from(organizations).where(eq(organizations.hubId, hub.id));
    expect(
      rows
        .filter((r) => ids.has(r.id))
        .map((r) => r.name)
        .sort(),
    ).toEqual([...SIX_DRAGONS].sort());
  });

  it('gives Shenzhen and Beijing at least 10 organisations, founders and a dragon rule each', async () => {
    for (const slug of ['shenzhen', 'beijing']) {
      const hub = await findHub(db, slug);
      const c = await counts();
      expect(c[`${slug}.organizations`]).toBeGreaterThanOrEqual(10);
      expect(c[`${slug}.people`]).toBeGreaterThan(0);
      expect((await getTalentPipeline(db, hub)).founders).toBeGreaterThan(0);
      expect((await dragonIds(db, hub.id)).size).toBeGreaterThan(0);
    }
  });

  it('records every relation with possible dates and a source', async () => {
    for (const slug of DEMO_HUBS) {
      const hub = await findHub(db, slug);
      const rows = await db
        .select({
          kind: relations.kind,
          startsOn: relations.startsOn,
          endsOn: relations.endsOn,
          sourceUrl: relations.sourceUrl,
          sourceNote: relations.sourceNote,
          personBornOn: people.bornOn,
          organizationFoundedOn: organizations.foundedOn,
        })
        .from(relations)
        .innerJoin(organizations, and(eq(organizations.hubId, relations.hubId), eq(organizations.id, relations.toOrganizationId)))
        .leftJoin(people, and(eq(people.hubId, relations.hubId), eq(people.id, relations.fromPersonId)))
        .where(eq(relations.hubId, hub.id));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(impossibleDates(row), JSON.stringify(row)).toEqual([]);
        expect(row.sourceNote || row.sourceUrl).toBeTruthy();
      }
    }
  });

  it('loads every row of the seed files', async () => {
    const seed = readEcosystemSeed();
    const c = await counts();
    for (const slug of DEMO_HUBS) {
      // seed/programs.json adds the demo graduate (a person and their alumnus_of relation);
      // the reviewers are rows of seed/people.json, only linked to their accounts.
      const graduate = slug === readProgramsSeed().hub ? 1 : 0;
      expect(c[`${slug}.people`]).toBe(seed.people.filter((p) => p.hub === slug).length + graduate);
      expect(c[`${slug}.relations`]).toBe(seed.relations.filter((r) => r.hub === slug).length + graduate);
      expect(c[`${slug}.facts`]).toBe(seed.facts.filter((f) => f.hub === slug).length);
    }
    for (const row of [...seed.people, ...seed.relations, ...seed.facts, ...seed.rules]) expect(row.source).toBeTruthy();
  });

  it('runs matching, so the demo startup sees the programs it qualifies for with the reasons', async () => {
    const cookie = await signIn(ctx.app, 'startup@hangzhou.demo', 'dragongate-demo-2026');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/hubs/hangzhou/matches', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { program: { name: { en: string } }; applicant: { name: { en: string } }; reasons: { key: string }[] }[];
    const subsidy = items.find((m) => m.program.name.en === 'AI and robotics startup subsidy');
    expect(subsidy?.applicant.name.en).toBe('Qiantang Embodied AI (demo)');
    expect(subsidy?.reasons.map((r) => r.key)).toContain('ai_or_robotics');
    // It holds the demo compute voucher already (seed/compute.json), so that one is not offered again.
    expect(items.find((m) => m.program.name.en === 'Hangzhou compute vouchers')).toBeUndefined();
  });

  it('changes nothing when run a second time', async () => {
    const before = await counts();
    await seedDemo(db, createAuth(db, ctx.config));
    expect(await counts()).toEqual(before);
  });
});

// The demo's reviewed grant, used by the demo accounts: the founder of Qiantang Embodied
// AI (demo) applies, the officer assigns reviewers, and Reviewer Three, who founded the
// startup's investor, is excluded by the graph.
describe('demo seed: the reviewed grant', () => {
  it('excludes the reviewer who founded the startup’s investor and seats the other two', async () => {
    const as = async (email: string) => ({ cookie: await signIn(ctx.app, email, 'dragongate-demo-2026') });
    const founder = await as('startup@hangzhou.demo');
    const officer = await as('officer@hangzhou.demo');
    const call = (who: { cookie: string }, method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({
        method,
        url: `/api/hubs/hangzhou${url}`,
        headers: { cookie: who.cookie, origin: 'http://localhost:3000' },
        ...(payload ? { payload } : {}),
      });
    const programs = (await call(founder, 'GET', '/programs')).json().items as { id: string; mode: string; name: { en: string } }[];
    const grant = programs.find((p) => p.mode === 'reviewed')!;
    expect(grant.name.en).toBe('Major AI R&D grant (demo)');
    const me = (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: founder.cookie } })).json();
    const startup = me.organizations.find((o: { name: { en: string } }) => o.name.en === 'Qiantang Embodied AI (demo)');
    const applied = await call(founder, 'POST', `/programs/${grant.id}/applications`, {
      organizationId: startup.id,
      answers: { plan: 'Humanoid arms for warehouses', budget_total: '800000000' },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const board = (await call(officer, 'POST', `/applications/${applied.json().id}/reviewers`)).json();
    const byName = Object.fromEntries(
      board.assignments.map((a: { reviewerName: string; status: string; conflict: { kind: string } | null }) => [
        a.reviewerName,
        [a.status, a.conflict?.kind ?? null],
      ]),
    );
    expect(byName).toEqual({ Reviewer: ['assigned', null], 'Reviewer Two': ['assigned', null], 'Reviewer Three': ['conflicted', 'investor'] });
  });
});

// The demo's office space, as space@hangzhou.demo sees it.
describe('demo seed: office space', () => {
  it('Game Science holds two buildings for three years (with its source); BrainCo’s relocation lease is subsidised and its first month paid', async () => {
    const cookie = await signIn(ctx.app, 'space@hangzhou.demo', 'dragongate-demo-2026');
    const holds = (await ctx.app.inject({ method: 'GET', url: '/api/hubs/hangzhou/spaces/holds', headers: { cookie } })).json().items;
    const gs = holds.find((h: { organization: { name: { en: string } } }) => h.organization.name.en === 'Game Science');
    // seed/spaces.json's dates, moved to this year as every seed moves them (demo-year.ts).
    expect(gs).toMatchObject({ ...inYear({ startsOn: '2026-07-01', endsOn: '2029-07-01' }, seedYear()), status: 'active', areaM2: 2400 });
    expect(gs.nodes.map((n: { code: string }) => n.code)).toEqual(['DT-B', 'DT-C']);
    expect(gs.source).toMatch(/未公开/);
    const leases = (await ctx.app.inject({ method: 'GET', url: '/api/hubs/hangzhou/spaces/leases', headers: { cookie } })).json().items;
    const brainco = leases.find((l: { organization: { name: { en: string } } }) => l.organization.name.en === 'BrainCo');
    // 430.5 m² (CNY 31,545 + 6,400 a month): year 1 capped at CNY 80 a m² on all of it.
    expect(brainco).toMatchObject({ areaM2: 430.5, subsidy: { program: { en: 'AI Town rent subsidy (Wuchang rule, demo)' } } });
    expect(brainco.steps[0]).toMatchObject({ monthlyRent: '3794500', subsidyShare: '3444000' });
    expect(BigInt(brainco.subsidy.paid)).toBeGreaterThanOrEqual(3_444_000n);
  });
});

describe('demo seed: compute', () => {
  it('compute@hangzhou.demo runs an Alibaba-Cloud pool (H20, A800) and the city centre’s Ascend 910B; three startups have a month of metered usage; the demo voucher pays 30% of the domestic usage', async () => {
    const cookie = await signIn(ctx.app, 'compute@hangzhou.demo', 'dragongate-demo-2026');
    const flavors = (await ctx.app.inject({ method: 'GET', url: '/api/hubs/hangzhou/compute/flavors', headers: { cookie } })).json().items;
    expect(flavors.map((f: { model: string }) => f.model).sort()).toEqual(['A800', 'Ascend 910B', 'H20']);
    const share = (await ctx.app.inject({ method: 'GET', url: '/api/hubs/hangzhou/compute/fair-share', headers: { cookie } })).json();
    expect(share.items.map((i: { organization: { name: { en: string } } }) => i.organization.name.en).sort()).toEqual([
      'Deep Robotics',
      'Qiantang Embodied AI (demo)',
      'Unitree Robotics',
    ]);
    const usage = (await ctx.app.inject({ method: 'GET', url: '/api/hubs/hangzhou/compute/usage?limit=100', headers: { cookie } })).json().items as {
      organization: { name: { en: string } };
      cost: string;
      voucherPaid: string;
      flavor: { model: string };
    }[];
    expect(usage.length).toBeGreaterThanOrEqual(60);
    const demo = usage.filter((u) => u.organization.name.en === 'Qiantang Embodied AI (demo)');
    expect(demo.length).toBeGreaterThan(0);
    for (const u of demo) expect(BigInt(u.voucherPaid)).toBe((BigInt(u.cost) * 3000n) / 10000n);
    expect(usage.filter((u) => u.organization.name.en !== 'Qiantang Embodied AI (demo)').every((u) => u.voucherPaid === '0')).toBe(true);
  });
});

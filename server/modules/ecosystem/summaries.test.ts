import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { computeComparisonSummary } from './compare.service.js';
import { computePipelineSummary } from './pipeline-summary.js';
import { refreshStaleSummaries } from './summary-refresh.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Name = { zh: string; en: string };
type PipelineBody = {
  founders: number;
  dragons: number;
  universities: {
    university: { id: string; name: Name };
    alumni: number;
    founders: number;
    dragonsFounded: number;
    foundedOrganizations: { id: string; name: Name; dragon: boolean; founders: { id: string; name: Name }[] }[];
    employers: { id: string; name: Name; alumni: number }[];
    founderShare: number;
  }[];
};
type CompareBody = {
  hubs: {
    organizations: number;
    bySector: unknown;
    byFoundingYear: unknown;
    fundingRaised: unknown;
    founderUniversities: { id: string; name: Name; founders: number }[];
    dragons: { id: string; name: Name }[];
  }[];
};

const get = async <T>(url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  expect(res.statusCode).toBe(200);
  return res.json() as T;
};
const pipelineOf = (hub: HubRow, university?: string) =>
  get<PipelineBody>(`/api/hubs/${hub.slug}/talent-pipeline${university ? `?university=${university}` : ''}`);
const compareOf = (hub: HubRow) => get<CompareBody>(`/api/compare?hubs=${hub.slug}`);

/** The served figures, in the shape of a recomputation from raw rows. */
const figuresOf = (b: PipelineBody) => ({
  founders: b.founders,
  dragons: b.dragons,
  universities: b.universities.map(({ employers: _, founderShare: __, ...u }) => u),
});
const comparedOf = (b: CompareBody) => {
  const { organizations, bySector, byFoundingYear, founderUniversities, fundingRaised, dragons } = b.hubs[0]!;
  return { organizations, bySector, byFoundingYear, founderUniversities, fundingRaised, dragons };
};

async function world() {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const b = ecosystemBuilder(ctx, hub, admin);
  const unis = [await b.university('Zhejiang University'), await b.university('Westlake University')];
  const rule = await ctx.app.inject(
    as(admin, {
      method: 'PUT',
      url: `/api/hubs/${hub.slug}/dragon-rule`,
      payload: { minValuation: { amountMinor: '100000000000', currency: 'CNY' }, foundedFrom: null, designated: [] },
    }),
  );
  expect(rule.statusCode).toBe(200);
  return { hub, admin, b, unis };
}

const fact = async (admin: TestUser, hub: HubRow, org: string, metric: string, amountMinor: string) => {
  const res = await ctx.app.inject(
    as(admin, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/organizations/${org}/facts`,
      payload: { metric, asOf: '2025-06-30', money: { amountMinor, currency: 'CNY' }, source: { note: 'test' } },
    }),
  );
  if (res.statusCode !== 201) throw new Error(`fact: ${res.statusCode} ${res.body}`);
};

describe('ecosystem summaries (talent pipeline, hub comparison)', () => {
  it('are stored once computed and not served after a write they have not counted', async () => {
    const { hub, b, unis } = await world();
    expect((await pipelineOf(hub)).founders).toBe(0);
    const stored = await ctx.database.db.execute<{ kind: string; current: boolean }>(sql`
      SELECT s.kind, s.version = coalesce(v.version, 0) AS current FROM ecosystem_summaries s
      LEFT JOIN ecosystem_versions v ON v.hub_id = s.hub_id WHERE s.hub_id = ${hub.id}`);
    expect(stored.rows).toEqual([{ kind: 'talent_pipeline', current: true }]);

    const org = await b.org({ foundedOn: '2018-01-01' });
    const founder = await b.person();
    await b.relation('founded', { type: 'person', id: founder.id }, org.id, { startsOn: '2018-01-01' });
    await b.relation('alumnus_of', { type: 'person', id: founder.id }, unis[0]!.id);
    const after = await pipelineOf(hub);
    expect(after.founders).toBe(1);
    expect(after.universities[0]).toMatchObject({ university: { id: unis[0]!.id }, alumni: 1, founders: 1 });
    expect((await compareOf(hub)).hubs[0]!.organizations).toBe(3);
  });

  it('equal a recomputation from raw rows after concurrent writes and reads', async () => {
    const { hub, admin, b, unis } = await world();
    const orgs = [await b.org({ foundedOn: '2016-01-01' }), await b.org({ foundedOn: '2019-01-01', sectors: ['robotics'] })];
    await pipelineOf(hub);
    await compareOf(hub);

    const writes = Array.from({ length: 12 }, async (_, i) => {
      const founded = i % 3 === 0 ? `20${10 + i}-03-01` : i % 2 ? '2019-01-01' : '2016-01-01';
      const org = i % 3 === 0 ? await b.org({ foundedOn: founded }) : orgs[i % 2]!;
      const person = await b.person();
      await b.relation('alumnus_of', { type: 'person', id: person.id }, unis[i % 2]!.id);
      if (i % 2 === 0) await b.relation('founded', { type: 'person', id: person.id }, org.id, { startsOn: founded });
      else await b.relation('works_at', { type: 'person', id: person.id }, orgs[i % 4 === 1 ? 0 : 1]!.id);
      if (i % 4 === 1) await fact(admin, hub, org.id, 'valuation', String(100_000_000_000 + i));
      if (i % 4 === 3) await fact(admin, hub, org.id, 'funding_raised', String(1_000_000 * (i + 1)));
      if (i % 5 === 2)
        await b.relation('invested_in', { type: 'organization', id: orgs[0]!.id }, org.id, {
          round: 'a',
          amount: { amountMinor: '500000000', currency: 'CNY' },
          startsOn: '2024-01-01',
        });
    });
    const reads = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? pipelineOf(hub) : i % 3 === 1 ? pipelineOf(hub, unis[1]!.id) : compareOf(hub)));
    await Promise.all([...writes, ...reads]);

    const db = ctx.database.db;
    const recomputed = await computePipelineSummary(db, hub.id);
    const ranked = Object.values(recomputed.universities).sort(
      (x, y) => y.founders - x.founders || y.alumni - x.alumni || (x.university.id < y.university.id ? -1 : 1),
    );
    expect(recomputed.head.universities).toEqual(ranked);
    expect(figuresOf(await pipelineOf(hub))).toEqual(recomputed.head);
    for (const uni of unis) {
      const one = await pipelineOf(hub, uni.id);
      expect(figuresOf(one)).toEqual({ ...recomputed.head, universities: [recomputed.universities[uni.id]] });
      expect(one.universities[0]!.employers).toEqual(recomputed.employers[uni.id] ?? []);
    }
    expect(comparedOf(await compareOf(hub))).toEqual(await computeComparisonSummary(db, hub.id));
    // And the recomputation itself counts what was written.
    const [raw] = (
      await db.execute<{ founders: number; orgs: number }>(sql`
        SELECT (SELECT count(DISTINCT from_person_id)::int FROM relations WHERE hub_id = ${hub.id} AND kind = 'founded') AS founders,
               (SELECT count(*)::int FROM organizations WHERE hub_id = ${hub.id}) AS orgs`)
    ).rows;
    expect(raw).toEqual({ founders: 6, orgs: 2 + 2 + 4 });
    // Six alumni work somewhere: Westlake's (odd i) at the two organisations, three and three.
    expect((await pipelineOf(hub, unis[1]!.id)).universities[0]!.employers.map((e) => [e.id, e.alumni])).toEqual(
      [orgs[0]!.id, orgs[1]!.id].sort().map((id) => [id, 3]),
    );
    expect((await pipelineOf(hub)).founders).toBe(6);
    expect((await compareOf(hub)).hubs[0]!.organizations).toBe(8);
    expect((await pipelineOf(hub)).dragons).toBe(2);
  });

  it('serve names as they are now: a renamed organisation is renamed in both', async () => {
    const { hub, admin, b, unis } = await world();
    const org = await b.org({ foundedOn: '2020-01-01' });
    const founder = await b.person();
    await b.relation('founded', { type: 'person', id: founder.id }, org.id, { startsOn: '2020-01-01' });
    await b.relation('alumnus_of', { type: 'person', id: founder.id }, unis[0]!.id);
    expect((await pipelineOf(hub)).universities[0]!.university.name.en).toBe('Zhejiang University');
    expect((await compareOf(hub)).hubs[0]!.founderUniversities[0]!.name.en).toBe('Zhejiang University');

    for (const [id, en] of [
      [unis[0]!.id, 'Zhejiang University (renamed)'],
      [org.id, 'Renamed Robotics'],
    ] as const) {
      const res = await ctx.app.inject(as(admin, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${id}`, payload: { name: { zh: '新名', en } } }));
      expect(res.statusCode).toBe(200);
    }
    const served = (await pipelineOf(hub)).universities[0]!;
    expect(served.university.name).toEqual({ zh: '新名', en: 'Zhejiang University (renamed)' });
    expect(served.foundedOrganizations.map((o) => o.name.en)).toEqual(['Renamed Robotics']);
    expect((await compareOf(hub)).hubs[0]!.founderUniversities[0]!.name.en).toBe('Zhejiang University (renamed)');
  });

  it('are kept up to date by the refresh job: after a write it stores them, and the next read serves what it stored', async () => {
    const { hub, b, unis } = await world();
    const db = ctx.database.db;
    await pipelineOf(hub);
    await compareOf(hub);
    const org = await b.org({ foundedOn: '2021-01-01' });
    const founder = await b.person();
    await b.relation('founded', { type: 'person', id: founder.id }, org.id, { startsOn: '2021-01-01' });
    await b.relation('alumnus_of', { type: 'person', id: founder.id }, unis[1]!.id);
    const stored = async () =>
      (
        await db.execute<{ kind: string; current: boolean; computed_at: string }>(sql`
          SELECT s.kind, s.version = v.version AS current, s.computed_at::text FROM ecosystem_summaries s
          JOIN ecosystem_versions v ON v.hub_id = s.hub_id WHERE s.hub_id = ${hub.id} ORDER BY s.kind`)
      ).rows;
    expect((await stored()).map((r) => [r.kind, r.current])).toEqual([
      ['hub_comparison', false],
      ['talent_pipeline', false],
    ]);

    expect(await refreshStaleSummaries(db)).toBeGreaterThanOrEqual(2);
    const refreshed = await stored();
    expect(refreshed.map((r) => [r.kind, r.current])).toEqual([
      ['hub_comparison', true],
      ['talent_pipeline', true],
    ]);
    // A second run leaves this hub's fresh summaries as they are (it counts every hub's, and
    // another test file may be writing to its own hub meanwhile).
    await refreshStaleSummaries(db);
    expect(await stored()).toEqual(refreshed);

    const served = await pipelineOf(hub);
    expect(served.founders).toBe(1);
    expect(figuresOf(served)).toEqual((await computePipelineSummary(db, hub.id)).head);
    expect(comparedOf(await compareOf(hub))).toEqual(await computeComparisonSummary(db, hub.id));
    // Served from what the job stored, not computed again.
    expect(await stored()).toEqual(refreshed);
  });
});

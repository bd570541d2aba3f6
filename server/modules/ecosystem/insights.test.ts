import { beforeAll, describe, expect, it } from 'vitest';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * A small hub: university U; six startups (four founded by U's alumni); one founder
 * studied elsewhere; one alumnus works at a startup. The hub names the six as dragons.
 */
async function dragonsWorld() {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const b = ecosystemBuilder(ctx, hub, admin);
  const u = await b.university('Zhejiang University');
  const other = await b.university('Elsewhere University');
  const startups = [];
  for (let i = 0; i < 6; i++) startups.push(await b.org({ foundedOn: '2016-01-01', name: { zh: `龙${i}`, en: `Dragon ${i}` } }));
  const founders = [];
  for (let i = 0; i < 6; i++) {
    const p = await b.person({ name: { zh: `创始人${i}`, en: `Founder ${i}` } });
    founders.push(p);
    await b.relation('founded', { type: 'person', id: p.id }, startups[i]!.id, { startsOn: '2016-01-01' });
    await b.relation('alumnus_of', { type: 'person', id: p.id }, i < 4 ? u.id : other.id, { degree: 'bachelor' });
  }
  // A second ZJU founder of dragon 0 must not count dragon 0 twice.
  const cofounder = await b.person();
  await b.relation('founded', { type: 'person', id: cofounder.id }, startups[0]!.id, { startsOn: '2016-02-01' });
  await b.relation('alumnus_of', { type: 'person', id: cofounder.id }, u.id);
  const engineer = await b.person({ roles: ['engineer'] });
  await b.relation('alumnus_of', { type: 'person', id: engineer.id }, u.id);
  await b.relation('works_at', { type: 'person', id: engineer.id }, startups[5]!.id, { title: 'Engineer' });
  await b.relation('partners_with', { type: 'organization', id: other.id }, startups[0]!.id, { title: 'provides compute' });
  const rule = await ctx.app.inject(
    as(admin, {
      method: 'PUT',
      url: `/api/hubs/${hub.slug}/dragon-rule`,
      payload: { minValuation: null, foundedFrom: null, designated: startups.map((s) => s.id) },
    }),
  );
  expect(rule.statusCode).toBe(200);
  return { hub, admin, b, u, startups, founders, engineer };
}

describe('talent pipeline', () => {
  it('is computed from relations: ZJU alumni founded 4 of the 6 dragons', async () => {
    const { hub, u } = await dragonsWorld();
    const res = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/talent-pipeline` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ founders: 7, dragons: 6 });
    const zju = body.universities.find((x: { university: { id: string } }) => x.university.id === u.id);
    expect(zju).toMatchObject({ alumni: 6, founders: 5, dragonsFounded: 4 });
    expect(zju.founderShare).toBeCloseTo(5 / 7);
    expect(zju.foundedOrganizations).toHaveLength(4);
    expect(body.universities[0].university.id).toBe(u.id);
  });

  it('for one university, lists where its alumni work', async () => {
    const { hub, u, startups } = await dragonsWorld();
    const body = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/talent-pipeline?university=${u.id}` })).json();
    expect(body.universities).toHaveLength(1);
    expect(body.universities[0].employers).toEqual([{ id: startups[5]!.id, name: { zh: '龙5', en: 'Dragon 5' }, alumni: 1 }]);
  });
});

describe('organisation graph', () => {
  it('staff see every neighbour; the public sees organisations and founders only', async () => {
    const { hub, admin, startups, engineer } = await dragonsWorld();
    const url = `/api/hubs/${hub.slug}/organizations/${startups[5]!.id}/graph`;
    const staffView = (await ctx.app.inject(as(admin, { method: 'GET', url }))).json();
    expect(staffView.edges.map((e: { kind: string }) => e.kind).sort()).toEqual(['founded', 'works_at']);
    expect(staffView.nodes.map((n: { id: string }) => n.id)).toContain(engineer.id);
    const publicView = (await ctx.app.inject({ method: 'GET', url })).json();
    expect(publicView.edges.map((e: { kind: string }) => e.kind)).toEqual(['founded']);
    expect(publicView.nodes.map((n: { id: string }) => n.id)).not.toContain(engineer.id);
    expect(publicView.nodes.find((n: { id: string }) => n.id === startups[5]!.id)).toMatchObject({ dragon: true, kind: 'startup' });
  });

  it('an organisation of another hub answers 404', async () => {
    const a = await dragonsWorld();
    const other = await createTestHub(ctx);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${other.slug}/organizations/${a.startups[0]!.id}/graph` });
    expect(res.statusCode).toBe(404);
  });
});

describe('facts and dragons by valuation', () => {
  it('keeps the history; the latest valuation decides the rule', async () => {
    const { hub, admin, b } = await dragonsWorld();
    const unicorn = await b.org({ foundedOn: '2016-08-26', name: { zh: '宇树', en: 'Unitree' } });
    const addFact = (payload: Record<string, unknown>) =>
      ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations/${unicorn.id}/facts`, payload }));
    expect(
      (await addFact({ metric: 'valuation', asOf: '2023-01-01', money: { amountMinor: '50000000000', currency: 'USD' }, source: { note: 'old' } })).statusCode,
    ).toBe(201);
    expect(
      (await addFact({ metric: 'valuation', asOf: '2025-01-01', money: { amountMinor: '140000000000', currency: 'USD' }, source: { note: 'seed article' } }))
        .statusCode,
    ).toBe(201);
    expect(
      (await addFact({ metric: 'market_share', asOf: '2025-01-01', quantity: '60', label: 'quadruped robots', source: { note: 'seed article' } })).statusCode,
    ).toBe(201);
    const bad = await addFact({ metric: 'valuation', asOf: '2025-01-01', quantity: '3', source: {} });
    expect(bad.statusCode).toBe(400);
    const facts = (await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations/${unicorn.id}/facts` }))).json().items;
    expect(facts.map((f: { metric: string; asOf: string }) => `${f.metric}@${f.asOf}`)).toEqual([
      'market_share@2025-01-01',
      'valuation@2023-01-01',
      'valuation@2025-01-01',
    ]);

    await ctx.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/hubs/${hub.slug}/dragon-rule`,
        payload: { minValuation: { amountMinor: '100000000000', currency: 'USD' }, foundedFrom: 2010, designated: [] },
      }),
    );
    const compare = (await ctx.app.inject({ method: 'GET', url: `/api/compare?hubs=${hub.slug}` })).json();
    expect(compare.hubs[0].dragons.map((d: { name: { en: string } }) => d.name.en)).toEqual(['Unitree']);
  });

  it('only hub admins change the rule; other staff are refused, outsiders see nothing', async () => {
    const { hub } = await dragonsWorld();
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const outsider = await createTestUser(ctx);
    const put = (user: typeof officer) =>
      ctx.app.inject(as(user, { method: 'PUT', url: `/api/hubs/${hub.slug}/dragon-rule`, payload: { minValuation: null, foundedFrom: null, designated: [] } }));
    expect((await put(officer)).statusCode).toBe(403);
    expect((await put(outsider)).statusCode).toBe(404);
  });
});

describe('compare hubs and search', () => {
  it('puts hubs side by side with sectors, years, universities and dragons', async () => {
    const a = await dragonsWorld();
    const b = await createTestHub(ctx);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/compare?hubs=${a.hub.slug},${b.slug}` });
    expect(res.statusCode).toBe(200);
    const [ha, hb] = res.json().hubs;
    expect(ha).toMatchObject({ slug: a.hub.slug, organizations: 8 });
    expect(ha.dragons).toHaveLength(6);
    expect(ha.founderUniversities[0]).toMatchObject({ name: { en: 'Zhejiang University' }, founders: 5 });
    expect(ha.byFoundingYear).toContainEqual({ year: 2016, organizations: 6 });
    expect(ha.bySector).toContainEqual({ sector: 'robotics', organizations: 6 });
    expect(hb).toMatchObject({ slug: b.slug, organizations: 0, dragons: [] });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/compare?hubs=nope-nope' })).statusCode).toBe(404);
  });

  it('searches organisations by partial name and university; people only for staff', async () => {
    const { hub, admin, u } = await dragonsWorld();
    const applicant = await createTestUser(ctx);
    const search = (user: typeof admin, q: string) =>
      ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/search?${q}` })).then((r) => r.json());
    const byName = await search(admin, 'q=ragon 3');
    expect(byName.organizations.map((o: { name: { en: string } }) => o.name.en)).toEqual(['Dragon 3']);
    expect((await search(admin, 'q=Founder')).people).toHaveLength(6);
    expect((await search(applicant, 'q=Founder')).people).toEqual([]);
    const alumniFounded = await search(admin, `university=${u.id}`);
    expect(alumniFounded.organizations.map((o: { name: { en: string } }) => o.name.en).sort()).toEqual(['Dragon 0', 'Dragon 1', 'Dragon 2', 'Dragon 3']);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

// People are personal data: search, the graph and relations name them only to the staff the
// people policy lets read them (audited as `listPeople` is); the other desks see what the
// public graph shows (organisations and founders).

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function world() {
  const hub = await createTestHub(ctx);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
  const b = ecosystemBuilder(ctx, hub, officer);
  const org = await b.org({ name: { zh: '王氏科技', en: 'Wang Robotics' }, foundedOn: '2016-08-26' });
  const uni = await b.university();
  const founder = await b.person({ name: { zh: '王兴兴', en: 'Wang Xingxing' } });
  const engineer = await b.person({ name: { zh: '王工', en: 'Wang Gong' }, roles: ['engineer'] });
  await b.relation('founded', { type: 'person', id: founder.id }, org.id, { startsOn: '2016-08-26' });
  await b.relation('works_at', { type: 'person', id: engineer.id }, org.id, { title: 'Engineer' });
  await b.relation('alumnus_of', { type: 'person', id: engineer.id }, uni.id);
  const get = async (user: TestUser, path: string) => {
    const res = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}${path}` }));
    return { status: res.statusCode, body: res.json() };
  };
  const personalReads = async (user: TestUser) =>
    (
      await ctx.database.db.execute<{ subject_type: string; ids: string[] }>(
        sql`SELECT subject_type, payload->'ids' AS ids FROM audit_events WHERE hub_id = ${hub.id} AND action = 'personal.read' AND actor_id = ${user.id} ORDER BY seq`,
      )
    ).rows;
  return { hub, officer, manager, org, uni, founder, engineer, get, personalReads };
}

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe('people in search, the graph and relations', () => {
  it('a station manager, who may not read the people register, gets no names beyond the public graph’s', async () => {
    const { manager, org, founder, engineer, get, personalReads } = await world();
    expect((await get(manager, '/people')).status).toBe(404);

    const search = await get(manager, '/search?q=Wang');
    expect(search.status).toBe(200);
    expect(search.body.people).toEqual([]);
    expect(ids(search.body.organizations)).toEqual([org.id]);

    const graph = (await get(manager, `/organizations/${org.id}/graph`)).body;
    expect(graph.edges.map((e: { kind: string }) => e.kind)).toEqual(['founded']);
    expect(graph.nodes.map((n: { id: string }) => n.id)).toContain(founder.id);
    expect(graph.nodes.map((n: { id: string }) => n.id)).not.toContain(engineer.id);

    const relations = await get(manager, `/relations?organization=${org.id}`);
    expect(relations.status).toBe(200);
    expect(relations.body.items.map((r: { kind: string; from: { id: string } }) => [r.kind, r.from.id])).toEqual([['founded', founder.id]]);
    expect((await get(manager, `/relations?person=${engineer.id}`)).body.items).toEqual([]);
    expect(await personalReads(manager)).toEqual([]);
  });

  it('a program officer gets every person and tie, each answer naming people recorded as a personal read', async () => {
    const { officer, org, founder, engineer, get, personalReads } = await world();
    const search = await get(officer, '/search?q=Wang');
    expect(ids(search.body.people)).toEqual([founder.id, engineer.id].sort());

    const graph = (await get(officer, `/organizations/${org.id}/graph`)).body;
    expect(graph.edges.map((e: { kind: string }) => e.kind).sort()).toEqual(['founded', 'works_at']);
    expect(graph.nodes.map((n: { id: string }) => n.id)).toContain(engineer.id);

    const relations = (await get(officer, `/relations?person=${engineer.id}`)).body;
    expect(relations.items.map((r: { kind: string }) => r.kind).sort()).toEqual(['alumnus_of', 'works_at']);

    const reads = await personalReads(officer);
    expect(reads.map((r) => [r.subject_type, [...r.ids].sort()])).toEqual([
      ['person', [founder.id, engineer.id].sort()], // search: the people found
      ['person', [engineer.id]], // graph: the people shown by a tie the public does not see
      ['person', [engineer.id]], // relations
    ]);
  });
});

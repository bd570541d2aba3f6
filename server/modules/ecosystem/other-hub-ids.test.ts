import { beforeAll, describe, expect, it } from 'vitest';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

// Another hub's organisations and people are unknown here, to this hub's staff too: named in
// a filter they answer 404 under the filter's name, never 200 with an empty list.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Res = { statusCode: number; json: () => { error?: { code: string; fields?: { path: string; code: string }[] } } };
const errorOf = (res: Res) => [res.statusCode, res.json().error?.code, (res.json().error?.fields ?? []).map((f) => `${f.path}:${f.code}`)];

describe("another hub's ids in ecosystem filters", () => {
  it('people, relations, search and the talent pipeline answer 404 for another hub’s university, organisation or person; 200 for this hub’s', async () => {
    const hub = await createTestHub(ctx);
    const other = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const otherAdmin = await createTestUser(ctx, { hub: other, roles: ['hub_admin'] });
    const mine = ecosystemBuilder(ctx, hub, admin);
    const theirs = ecosystemBuilder(ctx, other, otherAdmin);
    const own = { uni: await mine.university(), org: await mine.org(), person: await mine.person() };
    const foreign = { uni: await theirs.university(), org: await theirs.org(), person: await theirs.person() };
    const get = (user: TestUser | null, path: string) => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}${path}` }));

    const cases: [string, (ids: typeof own) => string, string][] = [
      ['people', (ids) => `/people?university=${ids.uni.id}`, 'university:NOT_IN_HUB'],
      ['relations by person', (ids) => `/relations?person=${ids.person.id}`, 'person:NOT_IN_HUB'],
      ['relations by organisation', (ids) => `/relations?organization=${ids.org.id}`, 'organization:NOT_IN_HUB'],
      ['search', (ids) => `/search?university=${ids.uni.id}`, 'university:NOT_IN_HUB'],
    ];
    // Each route's answers side by side, so a failure names every route that regressed.
    const answers = [];
    for (const [name, path] of cases) answers.push([name, errorOf(await get(admin, path(foreign))), (await get(admin, path(own))).statusCode]);
    // The pipeline is public: signed out alike.
    const pipeline = (id: string) => `/talent-pipeline?university=${id}`;
    answers.push(['pipeline', errorOf(await get(null, pipeline(foreign.uni.id))), (await get(null, pipeline(own.uni.id))).statusCode]);
    expect(answers).toEqual([
      ...cases.map(([name, , field]) => [name, [404, 'NOT_FOUND', [field]], 200]),
      ['pipeline', [404, 'NOT_FOUND', ['university:NOT_IN_HUB']], 200],
    ]);
  });
});

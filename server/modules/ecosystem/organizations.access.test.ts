import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** Two hubs, each with an organisation owned by its founder, and staff in hub A. */
async function world() {
  const hubA = await createTestHub(ctx);
  const hubB = await createTestHub(ctx);
  const founderA = await createTestUser(ctx);
  const founderB = await createTestUser(ctx);
  const staffA = await createTestUser(ctx, { hub: hubA, roles: ['hub_admin'] });
  const create = async (hub: typeof hubA, user: typeof founderA) =>
    (await ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }))).json();
  const orgA = await create(hubA, founderA);
  const orgB = await create(hubB, founderB);
  const orgA2 = await create(hubA, founderB);
  return { hubA, hubB, founderA, founderB, staffA, orgA, orgB, orgA2 };
}

describe('organisations: who sees what', () => {
  it('another applicant’s organisation answers 404 to read, update and add-member', async () => {
    const { hubA, founderB, orgA } = await world();
    const url = `/api/hubs/${hubA.slug}/organizations/${orgA.id}`;
    for (const req of [
      { method: 'GET' as const, url },
      { method: 'PATCH' as const, url, payload: { headcount: 1 } },
      { method: 'POST' as const, url: `${url}/members`, payload: { email: 'x@test.example' } },
    ]) {
      const res = await ctx.app.inject(as(founderB, req));
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('an organisation of another hub answers 404, even to that hub’s admin, and through the wrong hub path', async () => {
    const { hubA, hubB, staffA, orgB, founderB } = await world();
    const viaA = await ctx.app.inject(as(staffA, { method: 'GET', url: `/api/hubs/${hubA.slug}/organizations/${orgB.id}` }));
    expect(viaA.statusCode).toBe(404);
    const viaB = await ctx.app.inject(as(staffA, { method: 'GET', url: `/api/hubs/${hubB.slug}/organizations/${orgB.id}` }));
    expect(viaB.statusCode).toBe(404);
    // Its own founder reaching it through hub A's path gets nothing either.
    const wrongPath = await ctx.app.inject(as(founderB, { method: 'GET', url: `/api/hubs/${hubA.slug}/organizations/${orgB.id}` }));
    expect(wrongPath.statusCode).toBe(404);
    const patch = await ctx.app.inject(as(staffA, { method: 'PATCH', url: `/api/hubs/${hubA.slug}/organizations/${orgB.id}`, payload: { headcount: 3 } }));
    expect(patch.statusCode).toBe(404);
  });

  it('applicants list only their own organisations; staff list the whole hub and never another hub', async () => {
    const { hubA, founderA, founderB, staffA, orgA, orgA2 } = await world();
    const ids = async (user: typeof founderA) =>
      (await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hubA.slug}/organizations` }))).json().items.map((o: { id: string }) => o.id);
    expect(await ids(founderA)).toEqual([orgA.id]);
    expect(await ids(founderB)).toEqual([orgA2.id]);
    expect((await ids(staffA)).sort()).toEqual([orgA.id, orgA2.id].sort());
  });

  it('signed-out callers get 401 on private routes and 404 for unknown hubs', async () => {
    const { hubA, orgA, founderA } = await world();
    for (const url of [`/api/hubs/${hubA.slug}/organizations`, `/api/hubs/${hubA.slug}/organizations/${orgA.id}`, '/api/me']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const post = await ctx.app.inject({ method: 'POST', url: `/api/hubs/${hubA.slug}/organizations`, payload: organizationInput() });
    expect(post.statusCode).toBe(401);
    const unknown = await ctx.app.inject(as(founderA, { method: 'GET', url: '/api/hubs/no-such-hub/organizations' }));
    expect(unknown.statusCode).toBe(404);
  });

  it('an auditor reads but may not change anything', async () => {
    const { hubA, orgA } = await world();
    const auditor = await createTestUser(ctx, { hub: hubA, roles: ['auditor'] });
    expect((await ctx.app.inject(as(auditor, { method: 'GET', url: `/api/hubs/${hubA.slug}/organizations/${orgA.id}` }))).statusCode).toBe(200);
    const res = await ctx.app.inject(as(auditor, { method: 'PATCH', url: `/api/hubs/${hubA.slug}/organizations/${orgA.id}`, payload: { headcount: 9 } }));
    expect(res.statusCode).toBe(403);
  });
});

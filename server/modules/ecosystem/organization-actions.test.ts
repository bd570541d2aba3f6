import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationActions, type OrganizationAction } from '../../../contracts/allowed-actions.js';
import type { HubRole, OrgRole } from '../../../contracts/auth.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** A fresh organisation with an owner, a second owner-to-be and a viewer, for one persona to act on. */
async function world() {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const owner = await createTestUser(ctx);
  const org = (await ctx.app.inject(as(owner, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }))).json();
  const url = `/api/hubs/${hub.slug}/organizations/${org.id}`;
  const add = async (role: OrgRole) => {
    const user = await createTestUser(ctx);
    const res = await ctx.app.inject(as(admin, { method: 'POST', url: `${url}/members`, payload: { email: user.email, role } }));
    expect(res.statusCode).toBe(201);
    return user;
  };
  const applicant = await add('applicant');
  const viewer = await add('viewer');
  return { hub, admin, owner, applicant, viewer, org, url };
}
type World = Awaited<ReturnType<typeof world>>;

/** Each action as the route that does it. */
const attempts: Record<OrganizationAction, (w: World) => InjectOptions> = {
  update: (w) => ({ method: 'PATCH', url: w.url, payload: { headcount: 42 } }),
  manageMembers: (w) => ({ method: 'PUT', url: `${w.url}/members/${w.viewer.id}`, payload: { role: 'applicant' } }),
  transferOwnership: (w) => ({ method: 'POST', url: `${w.url}/ownership`, payload: { userId: w.applicant.id } }),
  readRecords: (w) => ({ method: 'GET', url: `/api/hubs/${w.hub.slug}/relations?organization=${w.org.id}` }),
  editRecords: (w) => ({
    method: 'POST',
    url: `${w.url}/facts`,
    payload: { metric: 'market_share', asOf: '2025-01-01', quantity: '10', label: 'test', source: { note: 'test' } },
  }),
};

type Persona = { name: string; who: (w: World) => Promise<TestUser> | TestUser; expected: OrganizationAction[] };
const staff = (roles: HubRole[]) => (w: World) => createTestUser(ctx, { hub: w.hub, roles });
const personas: Persona[] = [
  { name: 'owner', who: (w) => w.owner, expected: ['update', 'manageMembers', 'transferOwnership'] },
  { name: 'member who can apply', who: (w) => w.applicant, expected: [] },
  { name: 'member who can view', who: (w) => w.viewer, expected: [] },
  { name: 'hub admin', who: (w) => w.admin, expected: ['update', 'manageMembers', 'readRecords', 'editRecords'] },
  { name: 'program officer', who: staff(['program_officer']), expected: ['update', 'readRecords', 'editRecords'] },
  { name: 'auditor', who: staff(['auditor']), expected: ['readRecords'] },
];

describe('an organisation’s allowedActions', () => {
  for (const persona of personas) {
    it(`match what the routes allow: ${persona.name}`, async () => {
      const w = await world();
      const user = await persona.who(w);
      const detail = await ctx.app.inject(as(user, { method: 'GET', url: w.url }));
      expect(detail.statusCode).toBe(200);
      const flags = detail.json().allowedActions as OrganizationAction[];
      expect(flags).toEqual(persona.expected);
      // Each action tried (handing the company on last): a listed one succeeds, any other is refused.
      for (const action of organizationActions) {
        const res = await ctx.app.inject(as(user, attempts[action](w)));
        if (flags.includes(action)) expect(res.statusCode, `${persona.name}: ${action}`).toBeLessThan(300);
        else expect([403, 404], `${persona.name}: ${action} answered ${res.statusCode}`).toContain(res.statusCode);
      }
    });
  }

  it('another hub’s officer and an outsider learn nothing: 404 to the detail and to every action', async () => {
    const w = await world();
    const otherHub = await createTestHub(ctx);
    for (const user of [await createTestUser(ctx, { hub: otherHub, roles: ['hub_admin', 'program_officer'] }), await createTestUser(ctx)]) {
      expect((await ctx.app.inject(as(user, { method: 'GET', url: w.url }))).statusCode).toBe(404);
      for (const action of ['update', 'manageMembers', 'transferOwnership'] as const) {
        expect((await ctx.app.inject(as(user, attempts[action](w)))).statusCode, action).toBe(404);
      }
    }
  });
});

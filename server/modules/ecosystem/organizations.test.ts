import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { tokenSentTo } from '../../test/account-factories.js';
import { organizationInput, validUscc } from '../../test/factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function setup() {
  const hub = await createTestHub(ctx);
  const founder = await createTestUser(ctx);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  return { hub, founder, officer };
}

async function createOrg(hub: HubRow, user: TestUser, body: Record<string, unknown> = organizationInput(), headers: Record<string, string> = {}) {
  return ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: body, headers }));
}

describe('organisations', () => {
  it('registers an organisation; the registrant owns it and can read it back', async () => {
    const { hub, founder } = await setup();
    const input = organizationInput({ uscc: ` ${validUscc().toLowerCase()} ` });
    const res = await createOrg(hub, founder, input);
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      hub: hub.slug,
      kind: 'startup',
      name: input.name,
      uscc: (input.uscc as string).trim().toUpperCase(),
      sectors: ['robotics', 'ai'],
      headcount: 12,
    });

    const got = await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations/${org.id}` }));
    expect(got.statusCode).toBe(200);
    expect(got.json().members).toEqual([{ userId: founder.id, name: 'Test User', email: founder.email, role: 'owner' }]);
  });

  it('lists with paging, filters by kind and sector, and searches by name', async () => {
    const { hub, founder, officer } = await setup();
    for (let i = 0; i < 5; i++) await createOrg(hub, founder, organizationInput({ name: { zh: `机构${i}`, en: `Org ${i} Robotics` } }));
    await createOrg(hub, founder, organizationInput({ kind: 'investor', sectors: ['finance'], name: { zh: '创投', en: 'West Lake Capital' } }));
    const list = (q: string) => ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations${q}` })).then((r) => r.json());

    const page1 = await list('?limit=4');
    expect(page1.items).toHaveLength(4);
    expect(page1.next).toEqual(expect.any(String));
    // A row added before the cursor's place neither repeats nor shifts the next page.
    await createOrg(hub, founder, organizationInput({ name: { zh: '甲', en: 'Aardvark AI' } }));
    const page2 = await list(`?limit=4&next=${page1.next}`);
    expect(page2.items).toHaveLength(2);
    expect(page2.next).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((o: { id: string }) => o.id)).size).toBe(6);
    expect([...page1.items, ...page2.items].map((o: { name: { en: string } }) => o.name.en)).toEqual(
      [...['Org 0 Robotics', 'Org 1 Robotics', 'Org 2 Robotics', 'Org 3 Robotics', 'Org 4 Robotics'], 'West Lake Capital'].sort(),
    );
    expect((await list('?next=bm90LWEtY3Vyc29y')).error.fields).toMatchObject([{ path: 'next', code: 'INVALID_FORMAT' }]);

    const count = async (q: string) => (await list(q)).items.length;
    expect((await list('?kind=investor')).items.map((o: { name: { en: string } }) => o.name.en)).toEqual(['West Lake Capital']);
    expect(await count('?sector=finance')).toBe(1);
    expect(await count('?sector=robotics')).toBe(6);
    expect(await count('?q=lake')).toBe(1);
    expect(await count('?q=机构3')).toBe(1);
    expect(await count('?q=100%25')).toBe(0); // a literal %, not a wildcard
  });

  it('updates only the fields sent and writes nothing else', async () => {
    const { hub, founder } = await setup();
    const org = (await createOrg(hub, founder)).json();
    const res = await ctx.app.inject(
      as(founder, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${org.id}`, payload: { headcount: 40, website: null } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ headcount: 40, website: null, name: org.name, uscc: org.uscc });

    // An empty patch changes nothing and records nothing.
    const events = async () => (await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hub.id}`)).rows[0]!.n;
    const before = await events();
    const empty = await ctx.app.inject(as(founder, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${org.id}`, payload: {} }));
    expect(empty.json().updatedAt).toBe(res.json().updatedAt);
    expect(await events()).toBe(before);
  });

  it('a hub admin adds a member by email; a member may read but not update', async () => {
    const { hub, founder } = await setup();
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const colleague = await createTestUser(ctx);
    const org = (await createOrg(hub, founder)).json();
    const addAs = (user: TestUser, email: string) =>
      ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations/${org.id}/members`, payload: { email } }));
    const add = await addAs(admin, colleague.email);
    expect(add.statusCode).toBe(201);
    expect(add.json().members.map((m: { role: string }) => m.role)).toEqual(['owner', 'applicant']);

    const again = await addAs(admin, colleague.email);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_MEMBER');
    const nobody = await addAs(admin, 'nobody@test.example');
    expect(nobody.json().error.code).toBe('USER_NOT_FOUND');

    expect((await ctx.app.inject(as(colleague, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations/${org.id}` }))).statusCode).toBe(200);
    const patch = await ctx.app.inject(as(colleague, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${org.id}`, payload: { headcount: 1 } }));
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('FORBIDDEN');
  });

  it('an owner cannot add an account directly, and the refusal does not tell whether the address has an account', async () => {
    const { hub, founder, officer } = await setup();
    const org = (await createOrg(hub, founder)).json();
    const url = `/api/hubs/${hub.slug}/organizations/${org.id}`;
    const addAs = (user: TestUser, email: string, role = 'owner') =>
      ctx.app.inject(as(user, { method: 'POST', url: `${url}/members`, payload: { email, role } }));

    const known = await addAs(founder, officer.email);
    const unknown = await addAs(founder, `nobody-${org.id}@test.example`);
    expect(known.statusCode).toBe(403);
    expect(known.json().error.code).toBe('FORBIDDEN');
    expect([unknown.statusCode, unknown.json()]).toEqual([known.statusCode, known.json()]);
    // The officer was not made a member: they do not see the company as theirs.
    const me = (await ctx.app.inject(as(officer, { method: 'GET', url: '/api/me' }))).json();
    expect(JSON.stringify(me)).not.toContain(org.id);
    const { rows } = await ctx.database.db.execute(sql`SELECT 1 FROM organization_members WHERE hub_id = ${hub.id} AND user_id = ${officer.id}`);
    expect(rows).toHaveLength(0);
    // Nor may a program officer add members directly.
    expect((await addAs(officer, founder.email, 'viewer')).statusCode).toBe(403);

    // The owner invites instead; the person joins only by accepting.
    const invited = await ctx.app.inject(as(founder, { method: 'POST', url: `${url}/invitations`, payload: { email: officer.email, role: 'viewer' } }));
    expect(invited.statusCode).toBe(201);
    const members = async () => (await ctx.app.inject(as(founder, { method: 'GET', url }))).json().members.map((m: { userId: string }) => m.userId);
    expect(await members()).toEqual([founder.id]);
    const token = await tokenSentTo(ctx, officer.email);
    expect(
      (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/organization-invitations/accept`, payload: { token } }))).statusCode,
    ).toBe(200);
    expect(await members()).toEqual([founder.id, officer.id]);
  });

  it('rejects a duplicate USCC in the same hub but allows it in another hub', async () => {
    const { hub, founder } = await setup();
    const other = await createTestHub(ctx);
    const uscc = validUscc();
    expect((await createOrg(hub, founder, organizationInput({ uscc }))).statusCode).toBe(201);
    const dup = await createOrg(hub, founder, organizationInput({ uscc }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_USCC', fields: [{ path: 'uscc' }] });
    expect((await createOrg(other, founder, organizationInput({ uscc }))).statusCode).toBe(201);
  });

  it('the public register shows name, kind and sectors only, to anyone', async () => {
    const { hub, founder } = await setup();
    await createOrg(hub, founder);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/public/organizations` });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(['id', 'kind', 'name', 'sectors']);
  });
});

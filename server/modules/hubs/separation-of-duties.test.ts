import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshEmail, tokenSentTo } from '../../test/account-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const call = (user: TestUser | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, locale = 'en-US') =>
  ctx.app.inject(as(user, { method, url, headers: { 'accept-language': locale }, ...(payload !== undefined && { payload }) }));

async function dutiesOf(hub: HubRow, user: TestUser): Promise<string[]> {
  const { rows } = await ctx.database.db.execute<{ role: string }>(
    sql`SELECT role FROM hub_role_grants WHERE hub_id = ${hub.id} AND user_id = ${user.id} AND role IN ('hub_admin','security_admin','auditor') ORDER BY role`,
  );
  return rows.map((r) => r.role);
}

describe('three administrators (三员分立)', () => {
  it('refuses a second administrator duty to one account in one hub, in both languages, and changes nothing', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const other = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    for (const role of ['auditor', 'security_admin']) {
      const en = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${other.id}/roles`, { role });
      expect(en.statusCode).toBe(409);
      expect(en.json().error).toMatchObject({ code: 'SEPARATION_OF_DUTIES', fields: [{ path: 'role', code: 'INVALID' }] });
      expect(en.json().error.message).toMatch(/auditor/);
      const zh = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${other.id}/roles`, { role }, 'zh-CN');
      expect(zh.json().error.message).toMatch(/三员分立/);
    }
    expect(await dutiesOf(hub, other)).toEqual(['hub_admin']);
    // Ordinary roles still combine with an administrator's duty.
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${other.id}/roles`, { role: 'reviewer' })).statusCode).toBe(204);
  });

  it('lets one account be the auditor of one hub and the admin of another', async () => {
    const a = await createTestHub(ctx);
    const b = await createTestHub(ctx);
    const person = await createTestUser(ctx, { hub: a, roles: ['auditor'] });
    const adminB = await createTestUser(ctx, { hub: b, roles: ['hub_admin'] });
    await ctx.database.db.execute(sql`INSERT INTO hub_role_grants (hub_id, user_id, role) VALUES (${b.id}, ${person.id}, 'reviewer')`);
    expect((await call(adminB, 'POST', `/api/hubs/${b.slug}/staff/${person.id}/roles`, { role: 'hub_admin' })).statusCode).toBe(204);
  });

  it('lets only one of two racing grants of different duties succeed', async () => {
    const hub = await createTestHub(ctx);
    const first = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const second = await createTestUser(ctx, { hub, roles: ['security_admin'] });
    for (let round = 0; round < 5; round++) {
      const person = await createTestUser(ctx, { hub, roles: ['reviewer'] });
      const results = await Promise.all([
        call(first, 'POST', `/api/hubs/${hub.slug}/staff/${person.id}/roles`, { role: 'auditor' }),
        call(second, 'POST', `/api/hubs/${hub.slug}/staff/${person.id}/roles`, { role: 'hub_admin' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([204, 409]);
      expect(await dutiesOf(hub, person)).toHaveLength(1);
    }
  });

  it('refuses invitations that would join two duties, when sent and when accepted', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const both = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail('both'), roles: ['hub_admin', 'auditor'] });
    expect(both.statusCode).toBe(409);
    expect(both.json().error).toMatchObject({ code: 'SEPARATION_OF_DUTIES', fields: [{ path: 'roles', code: 'INVALID' }] });

    const otherAdmin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const asAuditor = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: otherAdmin.email, roles: ['auditor'] });
    expect(asAuditor.json().error.code).toBe('SEPARATION_OF_DUTIES');

    // Invited as auditor, made security admin meanwhile: the link no longer grants.
    const person = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: person.email, roles: ['auditor'] })).statusCode).toBe(201);
    const token = await tokenSentTo(ctx, person.email);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${person.id}/roles`, { role: 'security_admin' })).statusCode).toBe(204);
    const accepted = await call(person, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token });
    expect([accepted.statusCode, accepted.json().error.code]).toEqual([409, 'SEPARATION_OF_DUTIES']);
    expect(await dutiesOf(hub, person)).toEqual(['security_admin']);
  });

  it('lets the security admin manage staff and tokens; the auditor reads the staff and changes nothing', async () => {
    const hub = await createTestHub(ctx);
    const security = await createTestUser(ctx, { hub, roles: ['security_admin'] });
    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    expect((await call(security, 'POST', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles`, { role: 'program_officer' })).statusCode).toBe(204);
    expect((await call(security, 'GET', `/api/hubs/${hub.slug}/api-tokens`)).statusCode).toBe(200);
    expect((await call(auditor, 'GET', `/api/hubs/${hub.slug}/staff`)).statusCode).toBe(200);
    expect((await call(auditor, 'POST', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles`, { role: 'finance_officer' })).statusCode).toBe(403);
    expect((await call(auditor, 'DELETE', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles/reviewer`)).statusCode).toBe(403);
    expect((await call(auditor, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail('x'), roles: ['reviewer'] })).statusCode).toBe(403);
    expect((await call(auditor, 'GET', `/api/hubs/${hub.slug}/api-tokens`)).statusCode).toBeOneOf([403, 404]);
  });

  it('lets the security admin set sign-in rules and rotate signing keys; the auditor reads the rules only', async () => {
    const hub = await createTestHub(ctx);
    const security = await createTestUser(ctx, { hub, roles: ['security_admin'] });
    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const rules = { twoFactorRoles: ['finance_officer'], idleMinutes: 30, absoluteHours: 12 };
    const put = await ctx.app.inject(as(security, { method: 'PUT', url: `/api/hubs/${hub.slug}/security`, payload: rules }));
    expect(put.statusCode).toBe(200);
    expect((await call(auditor, 'GET', `/api/hubs/${hub.slug}/security`)).json()).toEqual(rules);
    const refused = await ctx.app.inject(as(auditor, { method: 'PUT', url: `/api/hubs/${hub.slug}/security`, payload: { ...rules, idleMinutes: 5 } }));
    expect(refused.statusCode).toBe(403);
    expect((await call(security, 'GET', `/api/hubs/${hub.slug}/security`)).json().idleMinutes).toBe(30);
    expect((await call(security, 'POST', `/api/hubs/${hub.slug}/talent/signing-keys/rotate`)).statusCode).toBe(200);
    expect((await call(auditor, 'POST', `/api/hubs/${hub.slug}/talent/signing-keys/rotate`)).statusCode).toBe(403);
  });
});

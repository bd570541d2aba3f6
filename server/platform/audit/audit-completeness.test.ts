import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { PDF, uploadAs } from '../../test/file-factories.js';
import { as, createTestHub, createTestUser, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { addressSubjectId } from '../auth/sign-in-audit.js';
import { verifyAuditChain } from './audit.js';
import { DEPLOYMENT_CHAIN } from './deployment-chain.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ lockoutFailures: 3, lockoutMinutes: 15 });
});

type Event = { action: string; actor_id: string | null; subject_type: string; subject_id: string; payload: Record<string, unknown> };
async function eventsOf(chain: string, action: string): Promise<Event[]> {
  const { rows } = await ctx.database.db.execute<Event>(
    sql`SELECT action, actor_id, subject_type, subject_id, payload FROM audit_events WHERE hub_id = ${chain} AND action = ${action} ORDER BY seq`,
  );
  return rows;
}

describe('audit completeness', () => {
  it('audits a read of an evidence file with reader, file and result, and a refused read as a refusal', async () => {
    const hub = await createTestHub(ctx);
    const owner = await createTestUser(ctx);
    const up = await uploadAs(ctx, hub, owner, PDF);
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    expect((await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/files/${fileId}` }))).statusCode).toBe(200);
    expect(await eventsOf(hub.id, 'personal.read')).toEqual([
      {
        action: 'personal.read',
        actor_id: officer.id,
        subject_type: 'file',
        subject_id: fileId,
        payload: { fields: ['content'], ids: [fileId], count: 1, result: 'ok' },
      },
    ]);

    const stranger = await createTestUser(ctx);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `/api/hubs/${hub.slug}/files/${fileId}` }))).statusCode).toBe(404);
    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    const forbidden = await ctx.app.inject(
      as(reviewer, { method: 'POST', url: `/api/hubs/${hub.slug}/staff/${stranger.id}/roles`, payload: { role: 'auditor' } }),
    );
    expect(forbidden.statusCode).toBeOneOf([403, 404]);
    const refusals = await eventsOf(hub.id, 'access.refused');
    expect(refusals).toEqual([
      {
        action: 'access.refused',
        actor_id: stranger.id,
        subject_type: 'route',
        subject_id: 'GET /api/hubs/:hub/files/:fileId',
        payload: { policyAction: 'read', result: 404 },
      },
      expect.objectContaining({
        actor_id: reviewer.id,
        subject_id: 'POST /api/hubs/:hub/staff/:userId/roles',
        payload: { policyAction: 'manage', result: forbidden.statusCode },
      }),
    ]);
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
  });

  it("audits a 404 a service answered from its own lookup to a signed-in caller, once per request; not an anonymous one's, nor an unknown hub's", async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const missing = crypto.randomUUID();
    const get = (user: typeof officer | null, url: string) => ctx.app.inject(as(user, { method: 'GET', url }));
    expect((await get(null, `/api/hubs/${hub.slug}/programs/${missing}`)).statusCode).toBe(404);
    expect((await get(officer, `/api/hubs/no-such-hub-${missing.slice(0, 8)}/programs/${missing}`)).statusCode).toBe(404);
    expect(await eventsOf(hub.id, 'access.refused')).toEqual([]);

    expect((await get(officer, `/api/hubs/${hub.slug}/programs/${missing}`)).statusCode).toBe(404);
    const other = await createTestHub(ctx);
    const theirs = await ctx.app.inject(
      as(await createTestUser(ctx), { method: 'POST', url: `/api/hubs/${other.slug}/organizations`, payload: organizationInput() }),
    );
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await get(officer, `/api/hubs/${hub.slug}/organizations/${theirs.json().id}`)).statusCode).toBe(404);
    expect(await eventsOf(hub.id, 'access.refused')).toEqual([
      {
        action: 'access.refused',
        actor_id: officer.id,
        subject_type: 'route',
        subject_id: 'GET /api/hubs/:hub/programs/:id',
        payload: { lookup: 'not_found', result: 404 },
      },
      {
        action: 'access.refused',
        actor_id: officer.id,
        subject_type: 'route',
        subject_id: 'GET /api/hubs/:hub/organizations/:id',
        payload: { lookup: 'not_found', result: 404 },
      },
    ]);
    expect(await eventsOf(other.id, 'access.refused')).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
  });

  it('audits the people list (masked resident ids) as a personal read, never the number itself', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const created = await ctx.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/people`,
        headers: { 'idempotency-key': crypto.randomUUID() },
        payload: { name: { zh: '张三', en: 'Zhang San' }, roles: ['founder'], residentId: '11010519491231002X' },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect((await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/people` }))).statusCode).toBe(200);
    const [read] = await eventsOf(hub.id, 'personal.read');
    expect(read).toMatchObject({
      actor_id: officer.id,
      subject_type: 'person',
      subject_id: created.json().id,
      payload: { fields: expect.arrayContaining(['resident_id_masked']), count: 1 },
    });
    expect(JSON.stringify(read)).not.toContain('11010519491231002X');
  });

  it('audits sign-ins, failures and the lockout in the deployment chain, naming no address', async () => {
    const user = await createTestUser(ctx);
    const signIn = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: user.email, password }, headers: { origin: TEST_ORIGIN } });
    const before = (await eventsOf(DEPLOYMENT_CHAIN, 'auth.sign_in')).filter((e) => e.subject_id === user.id);
    expect(before).toEqual([expect.objectContaining({ actor_id: user.id, subject_type: 'user', payload: { step: 'password', result: 'success' } })]);
    for (let i = 0; i < 3; i++) expect((await signIn('wrong password entirely')).statusCode).toBe(401);
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(423);
    const mine = (await eventsOf(DEPLOYMENT_CHAIN, 'auth.sign_in')).filter((e) => e.subject_id === user.id).map((e) => [e.actor_id, e.payload.result]);
    expect(mine).toEqual([
      [user.id, 'success'],
      [null, 'failure'],
      [null, 'failure'],
      [null, 'failure'],
      [null, 'locked'],
    ]);
    expect((await eventsOf(DEPLOYMENT_CHAIN, 'auth.locked_out')).filter((e) => e.subject_id === user.id)).toEqual([
      expect.objectContaining({ subject_id: user.id, payload: { step: 'password', result: 'lockout' } }),
    ]);

    const unknown = `nobody-${crypto.randomUUID()}@test.example`;
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: unknown, password: 'whatever it is 1' },
      headers: { origin: TEST_ORIGIN },
    });
    const { rows } = await ctx.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE payload::text LIKE ${'%' + unknown + '%'} OR subject_id LIKE ${'%' + unknown + '%'}`,
    );
    expect(rows[0]!.n).toBe(0);
    // Found by its hashed address: other test files sign in to the same deployment chain meanwhile.
    const addressId = addressSubjectId(unknown);
    expect((await eventsOf(DEPLOYMENT_CHAIN, 'auth.sign_in')).filter((e) => e.subject_id === addressId)).toEqual([
      expect.objectContaining({
        subject_type: 'address',
        subject_id: expect.stringMatching(/^address:[0-9a-f]{16}$/),
        payload: { step: 'password', result: 'failure' },
      }),
    ]);
    expect((await verifyAuditChain(ctx.database.db, DEPLOYMENT_CHAIN)).break).toBeNull();
  });
});

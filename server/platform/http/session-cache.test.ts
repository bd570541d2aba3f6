import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { revokeRole, setSuspended } from '../../modules/hubs/staff.service.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { recordStatements } from '../../test/statements.js';
import { forgetSessions, sessionActor } from '../auth/session-actors.js';
import { sessionTokenOf } from '../auth/session-cookie.js';
import type { HubRow } from '../tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const get = (user: TestUser | null, url: string) => ctx.app.inject(as(user, { method: 'GET', url }));
const staffOf = (hub: HubRow) => `/api/hubs/${hub.slug}/staff`;
const sessionStatements = (statements: string[]) => statements.filter((s) => /\bsessions\b/.test(s) || /hub_role_grants|deployment_operators/.test(s));

async function auditorIn(hub?: HubRow) {
  hub ??= await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
  return { hub, admin, auditor };
}

describe('the session on the request path', () => {
  it('reads session, user, roles and operator in one statement, then none while cached', async () => {
    const { hub, auditor } = await auditorIn();
    forgetSessions();
    const list = `/api/hubs/${hub.slug}/organizations`;
    const first = await recordStatements(() => get(auditor, list));
    expect(first.result.statusCode).toBe(200);
    const reads = sessionStatements(first.statements);
    expect(reads).toHaveLength(1);
    // The list's own page is the only other statement.
    expect(first.statements).toHaveLength(2);
    expect(reads[0]).toMatch(/FROM sessions s JOIN users u/);
    expect(reads[0]).toMatch(/hub_role_grants/);
    expect(reads[0]).toMatch(/deployment_operators/);

    const again = await recordStatements(() => get(auditor, list));
    expect(again.result.statusCode).toBe(200);
    expect(again.statements).toHaveLength(1);
    expect(sessionStatements(again.statements)).toEqual([]);
  });

  it('refuses a role revoked through this server at once, though the session was cached', async () => {
    const { hub, admin, auditor } = await auditorIn();
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(200);
    const revoked = await ctx.app.inject(as(admin, { method: 'DELETE', url: `${staffOf(hub)}/${auditor.id}/roles/auditor` }));
    expect(revoked.statusCode).toBe(204);
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(404);
  });

  it('refuses a role revoked or suspended by a service call (CLI, job) at once', async () => {
    const { hub, admin, auditor } = await auditorIn();
    const adminScope = { hub, actor: { userId: admin.id, hubRoles: ['hub_admin' as const] } };
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(200);
    await withTransaction(ctx.database.db, (tx) => setSuspended(tx, adminScope, auditor.id, true));
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(404);
    await withTransaction(ctx.database.db, (tx) => setSuspended(tx, adminScope, auditor.id, false));
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(200);
    await withTransaction(ctx.database.db, (tx) => revokeRole(tx, adminScope, auditor.id, 'auditor'));
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(404);
  });

  it('ends a signed-out session at once, though it was cached', async () => {
    const { hub, auditor } = await auditorIn();
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(200);
    const out = await ctx.app.inject(as(auditor, { method: 'POST', url: '/api/auth/sign-out', payload: {} }));
    expect(out.statusCode).toBe(200);
    expect((await get(auditor, staffOf(hub))).statusCode).toBe(401);
  });

  it('keeps no roles read while access changed: the next request reads again', async () => {
    const { hub, auditor } = await auditorIn();
    const ctxAuth = await (await import('../auth/auth.js')).createAuth(ctx.database.db, ctx.config).$context;
    const token = sessionTokenOf(auditor.cookie, ctxAuth.authCookies.sessionToken.name, ctxAuth.secret)!;
    expect(token).toBeTruthy();
    forgetSessions();
    const racing = sessionActor(ctx.database.db, token, hub.id);
    forgetSessions(); // a revocation committing while the read is under way
    expect((await racing)?.hubRoles).toEqual(['auditor']);
    const next = await recordStatements(() => sessionActor(ctx.database.db, token, hub.id));
    expect(next.statements).toHaveLength(1);
    const cached = await recordStatements(() => sessionActor(ctx.database.db, token, hub.id));
    expect(cached.statements).toHaveLength(0);
  });

  it('answers a cookie not signed by this server 401 without a query', async () => {
    const { hub, auditor } = await auditorIn();
    const forged = auditor.cookie.replace(/session_token=([^;.]+)\.[^;]+/, 'session_token=$1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D');
    expect(forged).not.toBe(auditor.cookie);
    const res = await recordStatements(() => ctx.app.inject({ method: 'GET', url: staffOf(hub), headers: { cookie: forged } }));
    expect(res.result.statusCode).toBe(401);
    expect(res.statements).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestUser, signIn, startTestApp, TEST_ORIGIN, type TestContext } from '../../test/harness.js';
import { verifyAuditChain } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const sessionsOf = async (cookie: string) =>
  (await ctx.app.inject({ method: 'GET', url: '/api/auth/list-sessions', headers: { cookie } })).json() as { id: string; createdAt: string }[];
/** The id of the session a cookie carries. */
const sessionIdOf = async (cookie: string) =>
  ((await ctx.app.inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie } })).json() as { session: { id: string } }).session.id;
const end = (id: string, cookie?: string) =>
  ctx.app.inject({ method: 'DELETE', url: `/api/account/sessions/${id}`, headers: cookie ? { cookie, origin: TEST_ORIGIN } : {} });

/** The audit log's `auth.session_ended` events about one session. */
const endedEvents = async (sessionId: string) =>
  (
    await ctx.database.db.execute<{ actor_id: string | null; subject_type: string; subject_id: string; payload: unknown }>(
      sql`SELECT actor_id, subject_type, subject_id, payload FROM audit_events
          WHERE hub_id = ${DEPLOYMENT_CHAIN} AND action = 'auth.session_ended' AND subject_id = ${sessionId} ORDER BY seq`,
    )
  ).rows;

describe('ending one session (DELETE /api/account/sessions/:id)', () => {
  it('ends the one session named, and no other', async () => {
    const user = await createTestUser(ctx);
    const laptop = await signIn(ctx.app, user.email);
    expect((await sessionsOf(user.cookie)).length).toBe(2);
    const laptopId = await sessionIdOf(laptop);
    const ended = await end(laptopId, user.cookie);
    expect(ended.statusCode).toBe(204);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await sessionsOf(user.cookie)).map((s) => s.id)).not.toContain(laptopId);
  });

  it('writes the ending to the audit log, on the deployment’s chain as the sign-ins are; a refused one writes nothing', async () => {
    const user = await createTestUser(ctx);
    const stranger = await createTestUser(ctx);
    const laptopId = await sessionIdOf(await signIn(ctx.app, user.email));
    expect((await end(laptopId, stranger.cookie)).statusCode).toBe(404);
    expect(await endedEvents(laptopId)).toEqual([]);
    expect((await end(laptopId, user.cookie)).statusCode).toBe(204);
    expect(await endedEvents(laptopId)).toEqual([{ actor_id: user.id, subject_type: 'session', subject_id: laptopId, payload: {} }]);
    expect((await end(laptopId, user.cookie)).statusCode).toBe(404);
    expect(await endedEvents(laptopId)).toHaveLength(1);
    expect((await verifyAuditChain(ctx.database.db, DEPLOYMENT_CHAIN)).break).toBeNull();
  });

  it('answers 404 for another account’s session, and leaves it alone; 404 for one already ended', async () => {
    const mine = await createTestUser(ctx);
    const theirs = await createTestUser(ctx);
    const refused = await end(await sessionIdOf(theirs.cookie), mine.cookie);
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await me(theirs.cookie)).statusCode).toBe(200);

    const other = await signIn(ctx.app, mine.email);
    const otherId = await sessionIdOf(other);
    await end(otherId, mine.cookie);
    const again = await end(otherId, mine.cookie);
    expect(again.statusCode).toBe(404);
  });

  it('answers 401 without a session, and 400 for an id that is not one', async () => {
    const user = await createTestUser(ctx);
    const anonymous = await end(await sessionIdOf(user.cookie));
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const bad = await ctx.app.inject(as(user, { method: 'DELETE', url: '/api/account/sessions/not-an-id', headers: { origin: TEST_ORIGIN } }));
    expect(bad.statusCode).toBe(400);
    expect((await me(user.cookie)).statusCode).toBe(200);
  });
});

describe('session tokens', () => {
  it('never reach a page: the session list and the current session come without them', async () => {
    const user = await createTestUser(ctx);
    await signIn(ctx.app, user.email);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/auth/list-sessions', headers: { cookie: user.cookie } });
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as Record<string, unknown>[];
    expect(sessions).toHaveLength(2);
    for (const s of sessions) expect(Object.keys(s)).not.toContain('token');
    const current = (await ctx.app.inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie: user.cookie } })).json() as {
      session: Record<string, unknown>;
      user: { email: string };
    };
    expect(current.user.email).toBe(user.email);
    expect(current.session.id).toEqual(expect.any(String));
    expect(Object.keys(current.session)).not.toContain('token');
  });
});

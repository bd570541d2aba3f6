import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestUser, signIn, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext, type TestUser } from '../../test/harness.js';
import { verifyAuditChain } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
beforeEach(() => {
  address += 1;
});

const NEW_PASSWORD = 'a brand new passphrase for 2027';
/** better-auth limits password changes per address (a few in ten seconds): each test comes from its own. */
let address = 1;
const post = (url: string, payload: object, cookie?: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: `10.0.0.${address}`,
    headers: cookie ? { cookie, origin: TEST_ORIGIN } : { origin: TEST_ORIGIN },
  });
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
/** The id of the session a cookie carries. */
const sessionIdOf = async (cookie: string) =>
  ((await ctx.app.inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie } })).json() as { session: { id: string } }).session.id;

type Event = { hub_id: string; action: string; actor_id: string | null; subject_type: string; subject_id: string; payload: Record<string, unknown> };
/** What an account did to its own sign-in, as the audit log holds it (any chain), in order. */
const actsOf = async (user: TestUser) =>
  (
    await ctx.database.db.execute<Event>(
      sql`SELECT hub_id, action, actor_id, subject_type, subject_id, payload FROM audit_events
          WHERE action IN ('auth.signed_out', 'auth.other_sessions_ended', 'auth.password_changed')
            AND (actor_id = ${user.id} OR subject_id = ${user.id}) ORDER BY seq`,
    )
  ).rows;
const onChain = (action: string, subjectType: string, subjectId: string, payload: Record<string, unknown>, user: TestUser): Event => ({
  hub_id: DEPLOYMENT_CHAIN,
  action,
  actor_id: user.id,
  subject_type: subjectType,
  subject_id: subjectId,
  payload,
});
const chainVerifies = async () => expect((await verifyAuditChain(ctx.database.db, DEPLOYMENT_CHAIN)).break).toBeNull();

describe('an account’s own acts on its sign-in, on the deployment’s chain', () => {
  it('signing out writes one auth.signed_out naming the session ended; signing out again (no session) writes none', async () => {
    const user = await createTestUser(ctx);
    const sessionId = await sessionIdOf(user.cookie);
    expect((await post('/api/auth/sign-out', {}, user.cookie)).statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect(await actsOf(user)).toEqual([onChain('auth.signed_out', 'session', sessionId, {}, user)]);
    // The session has ended: better-auth answers success again, and there is nothing to record.
    expect((await post('/api/auth/sign-out', {}, user.cookie)).statusCode).toBe(200);
    expect((await post('/api/auth/sign-out', {})).statusCode).toBe(200);
    expect(await actsOf(user)).toHaveLength(1);
    await chainVerifies();
  });

  it('signing out the other sessions writes one auth.other_sessions_ended naming the account and the session kept', async () => {
    const user = await createTestUser(ctx);
    const laptop = await signIn(ctx.app, user.email);
    const kept = await sessionIdOf(user.cookie);
    expect((await post('/api/auth/revoke-other-sessions', {}, user.cookie)).statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    expect(await actsOf(user)).toEqual([onChain('auth.other_sessions_ended', 'user', user.id, { kept }, user)]);
    // From a session that has ended: refused, nothing recorded.
    expect((await post('/api/auth/revoke-other-sessions', {}, laptop)).statusCode).toBe(401);
    expect(await actsOf(user)).toHaveLength(1);
    await chainVerifies();
  });

  it('changing the password writes one auth.password_changed; a wrong current password or a rejected new one writes none', async () => {
    const user = await createTestUser(ctx);
    const wrong = await post('/api/auth/change-password', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }, user.cookie);
    expect(wrong.statusCode).toBe(400);
    const weak = await post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'password' }, user.cookie);
    expect(weak.json().error.code).toBe('PASSWORD_REJECTED');
    expect(await actsOf(user)).toEqual([]);

    expect((await post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, user.cookie)).statusCode).toBe(200);
    // The other sessions always end with a changed password, asked or not.
    expect(await actsOf(user)).toEqual([onChain('auth.password_changed', 'user', user.id, { otherSessionsEnded: true }, user)]);
    await chainVerifies();
  });

  it('says when the other sessions ended with the new password; never a password or a token', async () => {
    const user = await createTestUser(ctx);
    const laptop = await signIn(ctx.app, user.email);
    const changed = await post(
      '/api/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true },
      user.cookie,
    );
    expect(changed.statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    const fresh = changed.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await post('/api/auth/sign-out', {}, fresh)).statusCode).toBe(200);
    const acts = await actsOf(user);
    expect(acts.map((e) => [e.action, e.actor_id])).toEqual([
      ['auth.password_changed', user.id],
      ['auth.signed_out', user.id],
    ]);
    expect(acts[0]!.payload).toEqual({ otherSessionsEnded: true });
    const written = JSON.stringify(acts);
    const tokens = [user.cookie, laptop, fresh].flatMap((cookie) => cookie.split('; ').map((c) => decodeURIComponent(c.split('=')[1]!).split('.')[0]!));
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, ...tokens]) expect(written).not.toContain(secret);
    await chainVerifies();
  });
});

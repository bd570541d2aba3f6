import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshEmail, lastMessageTo, messagesTo, tokenSentTo } from '../../test/account-factories.js';
import { as, createTestUser, signIn, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { hashLinkToken } from '../tokens.js';
import { ACCOUNT_EMAILS_PER_HOUR } from './account-emails.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const post = (url: string, payload: object, cookie?: string) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie, origin: TEST_ORIGIN } : {} });
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const NEW_PASSWORD = 'a brand new passphrase for 2027';

describe('forgotten password', () => {
  it('mails a one-time link that expires; after the reset every session has ended and only the new password works', async () => {
    const user = await createTestUser(ctx);
    const otherDevice = await signIn(ctx.app, user.email);
    const asked = await post('/api/auth/request-password-reset', { email: user.email });
    expect(asked.statusCode).toBe(200);
    const message = await lastMessageTo(ctx, user.email);
    expect(message!.subject).toBe('Dragon Gate: reset your password');
    expect(message!.text).toContain('http://localhost:3000/reset-password?token=');
    const token = await tokenSentTo(ctx, user.email);
    // The database keeps only the token's hash: whoever reads it cannot reset the password.
    const kept = await ctx.database.db.execute<{ identifier: string }>(sql`SELECT identifier FROM verifications WHERE value = ${user.id}`);
    expect(kept.rows.map((r) => r.identifier)).toEqual([hashLinkToken(`reset-password:${token}`)]);
    expect(JSON.stringify(kept.rows)).not.toContain(token);

    const weak = await post('/api/auth/reset-password', { token, newPassword: 'password' });
    expect(weak.json().error.code).toBe('PASSWORD_REJECTED');
    expect((await post('/api/auth/reset-password', { token, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(otherDevice)).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in/email', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await me(await signIn(ctx.app, user.email, NEW_PASSWORD))).statusCode).toBe(200);
    // Used once.
    expect((await post('/api/auth/reset-password', { token, newPassword: 'yet another long passphrase' })).json().error.code).toBe('INVALID_TOKEN');

    await post('/api/auth/request-password-reset', { email: user.email });
    const late = await tokenSentTo(ctx, user.email);
    await ctx.database.db.execute(
      sql`UPDATE verifications SET expires_at = now() - interval '1 second' WHERE identifier = ${hashLinkToken(`reset-password:${late}`)}`,
    );
    expect((await post('/api/auth/reset-password', { token: late, newPassword: 'yet another long passphrase' })).json().error.code).toBe('INVALID_TOKEN');
  });

  it('answers the same for an address with no account, and mails nobody', async () => {
    const user = await createTestUser(ctx);
    const nobody = freshEmail('nobody');
    const known = await post('/api/auth/request-password-reset', { email: user.email });
    const unknown = await post('/api/auth/request-password-reset', { email: nobody });
    expect([unknown.statusCode, unknown.body]).toEqual([known.statusCode, known.body]);
    expect(await messagesTo(ctx, nobody)).toBe(0);
  });

  it('sends one address at most a few messages an hour (more are dropped unseen), and throttles each client', async () => {
    const user = await createTestUser(ctx);
    for (let i = 0; i < ACCOUNT_EMAILS_PER_HOUR + 2; i++) expect((await post('/api/auth/request-password-reset', { email: user.email })).statusCode).toBe(200);
    expect(await messagesTo(ctx, user.email)).toBe(ACCOUNT_EMAILS_PER_HOUR);

    const strict = await startTestApp({ accountEmailsPerHour: 2 });
    const ask = () =>
      strict.app.inject({ method: 'POST', url: '/api/auth/request-password-reset', payload: { email: freshEmail() }, remoteAddress: '203.0.113.7' });
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(429);
  });
});

describe('signing up and the e-mail address', () => {
  it('mails a verification link on sign-up; an unverified account may not apply for money until it follows it', async () => {
    const email = freshEmail('new');
    const signUp = await post('/api/auth/sign-up/email', { email, name: 'New Founder', password: TEST_PASSWORD, callbackURL: '/' });
    expect(signUp.statusCode).toBe(200);
    expect(signUp.cookies.find((c) => c.name.includes('session_token'))).toBeUndefined();
    const cookie = await signIn(ctx.app, email);
    expect((await me(cookie)).json().user.emailVerified).toBe(false);
    const message = await lastMessageTo(ctx, email);
    expect(message!.subject).toBe('Dragon Gate: confirm your e-mail address');
    const link = /(http:\/\/localhost:3000\/api\/auth\/verify-email\?\S+)/.exec(message!.text)![1]!;
    const follow = await ctx.app.inject({ method: 'GET', url: link.replace('http://localhost:3000', '') });
    expect(follow.statusCode).toBeLessThan(400);
    expect((await me(cookie)).json().user.emailVerified).toBe(true);
  });

  it('answers a sign-up with a taken address exactly like a new one', async () => {
    const user = await createTestUser(ctx);
    const taken = await post('/api/auth/sign-up/email', { email: user.email, name: 'Someone', password: TEST_PASSWORD });
    const fresh = await post('/api/auth/sign-up/email', { email: freshEmail(), name: 'Someone', password: TEST_PASSWORD });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(Object.keys(taken.json().user).sort()).toEqual(Object.keys(fresh.json().user).sort());
  });
});

describe('the profile: password, sessions, address', () => {
  it('changes the password, lists sessions and signs out every other one', async () => {
    const user = await createTestUser(ctx);
    const laptop = await signIn(ctx.app, user.email);
    const listed = await ctx.app.inject(as(user, { method: 'GET', url: '/api/auth/list-sessions' }));
    expect(listed.json().length).toBeGreaterThanOrEqual(2);

    expect((await post('/api/auth/revoke-other-sessions', {}, user.cookie)).statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(user.cookie)).statusCode).toBe(200);

    const wrong = await post('/api/auth/change-password', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }, user.cookie);
    expect(wrong.statusCode).toBe(400);
    const weak = await post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'password' }, user.cookie);
    expect(weak.json().error.code).toBe('PASSWORD_REJECTED');
    expect((await post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, user.cookie)).statusCode).toBe(200);
    expect((await me(await signIn(ctx.app, user.email, NEW_PASSWORD))).statusCode).toBe(200);
  });

  it('changes a confirmed address only once the current mailbox approves, then through a link sent to the new one', async () => {
    const user = await createTestUser(ctx);
    const next = freshEmail('moved');
    const linkIn = (text: string) => /(http:\/\/localhost:3000\/api\/auth\/verify-email\?\S+)/.exec(text)![1]!.replace('http://localhost:3000', '');
    const oldBefore = await messagesTo(ctx, user.email);
    expect((await post('/api/auth/change-email', { newEmail: next, callbackURL: '/profile' }, user.cookie)).statusCode).toBe(200);
    // Nothing reaches the new address yet: whoever holds only the session cannot move the account.
    expect(await messagesTo(ctx, next)).toBe(0);
    expect(await messagesTo(ctx, user.email)).toBe(oldBefore + 1);
    const approval = await lastMessageTo(ctx, user.email);
    expect(approval!.subject).toBe('Dragon Gate: approve the change of your e-mail address');
    expect(approval!.text).toContain(next);
    expect((await me(user.cookie)).json().user.email).toBe(user.email);

    await ctx.app.inject({ method: 'GET', url: linkIn(approval!.text), headers: { cookie: user.cookie } });
    expect((await me(user.cookie)).json().user.email).toBe(user.email);
    const confirmation = await lastMessageTo(ctx, next);
    expect(confirmation!.subject).toBe('Dragon Gate: confirm your e-mail address');
    await ctx.app.inject({ method: 'GET', url: linkIn(confirmation!.text), headers: { cookie: user.cookie } });
    expect((await me(user.cookie)).json().user.email).toBe(next);
  });
});

describe('the account endpoints in the contract (registered by name)', () => {
  it('are operations of the OpenAPI document, so the web’s generated client calls them', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = (path: string, method: string) => document.paths[path]?.[method]?.operationId;
    expect([
      operation('/api/auth/sign-up/email', 'post'),
      operation('/api/auth/request-password-reset', 'post'),
      operation('/api/auth/reset-password', 'post'),
      operation('/api/auth/send-verification-email', 'post'),
      operation('/api/auth/change-email', 'post'),
      operation('/api/auth/change-password', 'post'),
      operation('/api/auth/list-sessions', 'get'),
      operation('/api/auth/revoke-other-sessions', 'post'),
    ]).toEqual([
      'signUp',
      'requestPasswordReset',
      'resetPassword',
      'sendVerificationEmail',
      'changeEmail',
      'changePassword',
      'getAccountSessions',
      'revokeOtherSessions',
    ]);
  });

  it('check bodies by the contract: a link that would lead to another site is 400 on its field, and nothing is sent', async () => {
    const user = await createTestUser(ctx);
    const before = await messagesTo(ctx, user.email);
    const away = await post('/api/auth/request-password-reset', { email: user.email, redirectTo: '//evil.example/reset' });
    expect([away.statusCode, away.json().error.code, away.json().error.fields[0].path]).toEqual([400, 'VALIDATION_FAILED', 'redirectTo']);
    const notEmail = await post('/api/auth/request-password-reset', { email: 'not an address' });
    expect([notEmail.statusCode, notEmail.json().error.fields[0].path]).toEqual([400, 'email']);
    expect(await messagesTo(ctx, user.email)).toBe(before);
  });

  it('are the only ones of better-auth that answer: any other is 404 in the project’s shape and changes nothing', async () => {
    const user = await createTestUser(ctx);
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({ method, url, payload, headers: { cookie: user.cookie, origin: TEST_ORIGIN } });
    // Past the contract's rules for a name (its length, its characters), and unaudited.
    const rename = await send('POST', '/api/auth/update-user', { name: `x${'\u202e'}${'y'.repeat(5000)}` });
    const others = [
      rename,
      await send('POST', '/api/auth/revoke-sessions', {}),
      await send('GET', '/api/auth/list-accounts'),
      await send('GET', '/api/auth/ok'),
    ];
    expect(others.map((r) => [r.statusCode, r.json().error.code])).toEqual(others.map(() => [404, 'NOT_FOUND']));
    const after = (await me(user.cookie)).json();
    expect(after.user.name).toBe('Test User');
  });

  it('answer 401 in the project’s shape without a session', async () => {
    const list = await ctx.app.inject({ method: 'GET', url: '/api/auth/list-sessions' });
    expect([list.statusCode, list.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const revoke = await post('/api/auth/revoke-other-sessions', {});
    expect([revoke.statusCode, revoke.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

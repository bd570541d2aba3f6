import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TOTP, URI } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenSentTo } from '../../test/account-factories.js';
import { as, createTestHub, createTestUser, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext, type TestUser } from '../../test/harness.js';

const cookiesOf = (res: LightMyRequestResponse) =>
  res.cookies
    .filter((c) => c.value)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
const post = (app: FastifyInstance, url: string, payload: object, cookie?: string, locale = 'en-US') =>
  app.inject({ method: 'POST', url, payload, headers: { origin: TEST_ORIGIN, 'accept-language': locale, ...(cookie ? { cookie } : {}) } });

/** Enrols the user: the QR's URI, a first code confirmed; answers the URI and the backup codes. */
async function enrol(ctx: TestContext, user: TestUser): Promise<{ uri: TOTP; backupCodes: string[] }> {
  const started = await post(ctx.app, '/api/auth/two-factor/enable', { password: TEST_PASSWORD }, user.cookie);
  expect(started.statusCode).toBe(200);
  const { totpURI, backupCodes } = started.json() as { totpURI: string; backupCodes: string[] };
  const uri = URI.parse(totpURI) as TOTP;
  const confirmed = await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: uri.generate() }, user.cookie);
  expect(confirmed.statusCode).toBe(200);
  user.cookie = cookiesOf(confirmed) || user.cookie;
  return { uri, backupCodes };
}

/** Password step: answers the two-factor cookie (no session yet). */
async function firstStep(ctx: TestContext, email: string, password = TEST_PASSWORD, locale = 'en-US') {
  const res = await post(ctx.app, '/api/auth/sign-in/email', { email, password }, undefined, locale);
  return { res, cookie: cookiesOf(res) };
}

describe('two-factor sign-in, lockout and hub session rules', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp({ lockoutFailures: 3, lockoutMinutes: 15 });
  });

  it('enrols with TOTP, then signs in only with a code; a backup code works once only', async () => {
    const user = await createTestUser(ctx);
    const { uri, backupCodes } = await enrol(ctx, user);
    expect(backupCodes).toHaveLength(10);
    expect(uri.issuer).toBe('DragonGate');

    const { res, cookie } = await firstStep(ctx, user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
    expect(cookie).not.toContain('session_token');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);

    const wrong = await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: '000000' === uri.generate() ? '111111' : '000000' }, cookie);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TWO_FACTOR_CODE_WRONG');
    // No device is trusted: asking for it is refused on its field, so the next sign-in asks again.
    const trust = await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: uri.generate(), trustDevice: true }, cookie);
    expect([trust.statusCode, trust.json().error.code, trust.json().error.fields[0].path]).toEqual([400, 'VALIDATION_FAILED', 'trustDevice']);
    expect(cookiesOf(trust)).not.toContain('trust_device');
    const ok = await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: uri.generate() }, cookie);
    expect(ok.statusCode).toBe(200);
    const session = cookiesOf(ok);
    expect(session).toContain('session_token');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } })).statusCode).toBe(200);

    const backup = backupCodes[0]!;
    const second = await firstStep(ctx, user.email);
    const used = await post(ctx.app, '/api/auth/two-factor/verify-backup-code', { code: backup }, second.cookie);
    expect(used.statusCode).toBe(200);
    expect(cookiesOf(used)).toContain('session_token');
    const third = await firstStep(ctx, user.email);
    const again = await post(ctx.app, '/api/auth/two-factor/verify-backup-code', { code: backup }, third.cookie, 'zh-CN');
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'TWO_FACTOR_CODE_WRONG', message: '验证码不正确。' });
  });

  it('locks an address after repeated wrong passwords (even the right one is refused), in both languages, until the lock runs out', async () => {
    const user = await createTestUser(ctx);
    for (let i = 0; i < 3; i++) expect((await firstStep(ctx, user.email, 'wrong password wrong password')).res.statusCode).toBe(401);
    const locked = await firstStep(ctx, user.email);
    expect(locked.res.statusCode).toBe(423);
    expect(locked.res.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('locked') });
    // It says when to try again: the rest of the 15 minutes.
    expect(Number(locked.res.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    const lockedZh = await firstStep(ctx, user.email.toUpperCase(), TEST_PASSWORD, 'zh-CN');
    expect(lockedZh.res.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('锁定') });
    // An unknown address locks alike: the answer tells nobody whether an account exists.
    for (let i = 0; i < 4; i++) await firstStep(ctx, `nobody-${user.id}@test.example`, 'wrong password wrong password');
    expect((await firstStep(ctx, `nobody-${user.id}@test.example`)).res.json().error.code).toBe('ACCOUNT_LOCKED');

    await ctx.database.db.execute(sql`UPDATE sign_in_lockouts SET locked_until = now() - interval '1 second' WHERE email = ${user.email}`);
    expect((await firstStep(ctx, user.email)).res.statusCode).toBe(200);
    // A success clears the count: two failures afterwards do not lock.
    for (let i = 0; i < 2; i++) await firstStep(ctx, user.email, 'wrong password wrong password');
    expect((await firstStep(ctx, user.email)).res.statusCode).toBe(200);
  });

  it('locks the account after repeated wrong codes, across challenges, until the lock runs out', async () => {
    const user = await createTestUser(ctx);
    const { uri } = await enrol(ctx, user);
    const bad = String((Number(uri.generate()) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 3; i++) {
      const { cookie } = await firstStep(ctx, user.email);
      expect((await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: bad }, cookie)).statusCode).toBe(401);
    }
    const { cookie } = await firstStep(ctx, user.email);
    const locked = await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: uri.generate() }, cookie, 'zh-CN');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('锁定') });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);

    await ctx.database.db.execute(sql`UPDATE two_factors SET locked_until = now() - interval '1 second' WHERE user_id = ${user.id}`);
    const after = await firstStep(ctx, user.email);
    expect((await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: uri.generate() }, after.cookie)).statusCode).toBe(200);
  });

  it('a hub requiring a second factor of a role refuses that staff member until they enrol; others are not asked', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    const url = `/api/hubs/${hub.slug}/security`;
    const rules = { twoFactorRoles: ['program_officer'], idleMinutes: null, absoluteHours: null };
    const put = await ctx.app.inject(as(admin, { method: 'PUT', url, payload: rules }));
    expect(put.statusCode).toBe(200);
    expect((await ctx.app.inject(as(admin, { method: 'GET', url }))).json()).toEqual(rules);
    const bad = await ctx.app.inject(as(admin, { method: 'PUT', url, payload: { ...rules, twoFactorRoles: ['king'], idleMinutes: 1 } }));
    expect(bad.statusCode).toBe(400);
    expect((await ctx.app.inject(as(officer, { method: 'PUT', url, payload: rules }))).statusCode).toBe(403);

    // Any private route of the hub (here one an officer may not use anyway: refused otherwise once enrolled).
    const staffUrl = `/api/hubs/${hub.slug}/staff`;
    const refused = await ctx.app.inject(as(officer, { method: 'GET', url: staffUrl }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TWO_FACTOR_REQUIRED');
    expect((await ctx.app.inject(as(reviewer, { method: 'GET', url: staffUrl }))).json().error.code).toBe('NOT_FOUND');
    // What the web needs to send them to enrolment still answers, saying so.
    const capabilities = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/capabilities` }));
    expect(capabilities.json()).toMatchObject({ mustEnrolTwoFactor: true });
    await enrol(ctx, officer);
    expect((await ctx.app.inject(as(officer, { method: 'GET', url: staffUrl }))).json().error.code).toBe('NOT_FOUND');
    expect((await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/capabilities` }))).json()).toMatchObject({
      mustEnrolTwoFactor: false,
    });

    const staff = await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/staff` }));
    const states = Object.fromEntries((staff.json().items as { userId: string; twoFactor: boolean }[]).map((m) => [m.userId, m.twoFactor]));
    expect(states).toEqual({ [admin.id]: false, [officer.id]: true, [reviewer.id]: false });
  });

  it("ends a session idle or older than the hub's limits", async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const url = `/api/hubs/${hub.slug}/security`;
    expect((await ctx.app.inject(as(admin, { method: 'PUT', url, payload: { twoFactorRoles: [], idleMinutes: 30, absoluteHours: 8 } }))).statusCode).toBe(200);
    const idle = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const old = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const fresh = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const db = ctx.database.db;
    await db.execute(sql`UPDATE sessions SET last_active_at = now() - interval '31 minutes' WHERE user_id = ${idle.id}`);
    await db.execute(sql`UPDATE sessions SET created_at = now() - interval '9 hours' WHERE user_id = ${old.id}`);
    const staffUrl = `/api/hubs/${hub.slug}/staff`;
    for (const user of [idle, old]) {
      const res = await ctx.app.inject(as(user, { method: 'GET', url: staffUrl }));
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('SESSION_EXPIRED');
      // The session has ended everywhere, not only in this hub.
      expect((await ctx.app.inject(as(user, { method: 'GET', url: '/api/me' }))).statusCode).toBe(401);
    }
    expect((await ctx.app.inject(as(fresh, { method: 'GET', url: staffUrl }))).statusCode).toBe(200);
    // Activity counts: a request moves the idle clock (written at most once a minute).
    await db.execute(sql`UPDATE sessions SET last_active_at = now() - interval '29 minutes' WHERE user_id = ${fresh.id}`);
    await new Promise((resolve) => setTimeout(resolve, 3_100)); // the session cache's few seconds
    expect((await ctx.app.inject(as(fresh, { method: 'GET', url: staffUrl }))).statusCode).toBe(200);
    const { rows } = await db.execute<{ recent: boolean }>(
      sql`SELECT last_active_at > now() - interval '1 minute' AS recent FROM sessions WHERE user_id = ${fresh.id}`,
    );
    expect(rows[0]?.recent).toBe(true);
  });

  it('asks again for the password and a code before a password change or a new API token', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const tokens = `/api/hubs/${hub.slug}/api-tokens`;
    const token = { name: 'ERP', roles: ['finance_officer'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    // Not enrolled, no hub rule: the token is made as before.
    expect((await ctx.app.inject(as(admin, { method: 'POST', url: tokens, payload: token }))).statusCode).toBe(201);

    const { uri } = await enrol(ctx, admin);
    const missing = await ctx.app.inject(as(admin, { method: 'POST', url: tokens, payload: token }));
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('REAUTH_REQUIRED');
    const wrongPassword = await ctx.app.inject(
      as(admin, { method: 'POST', url: tokens, payload: { ...token, confirm: { password: 'not my password at all', code: uri.generate() } } }),
    );
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().error.fields[0].path).toBe('confirm.password');
    const wrongCode = await ctx.app.inject(
      as(admin, {
        method: 'POST',
        url: tokens,
        payload: { ...token, confirm: { password: TEST_PASSWORD, code: String((Number(uri.generate()) + 1) % 1_000_000).padStart(6, '0') } },
      }),
    );
    expect(wrongCode.json().error.code).toBe('TWO_FACTOR_CODE_WRONG');
    const made = await ctx.app.inject(
      as(admin, { method: 'POST', url: tokens, payload: { ...token, confirm: { password: TEST_PASSWORD, code: uri.generate() } } }),
    );
    expect(made.statusCode).toBe(201);

    const change = { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase for 2027' };
    const noCode = await post(ctx.app, '/api/auth/change-password', change, admin.cookie);
    expect(noCode.statusCode).toBe(403);
    expect(noCode.json().error.code).toBe('REAUTH_REQUIRED');
    const badCode = await post(
      ctx.app,
      '/api/auth/change-password',
      { ...change, code: String((Number(uri.generate()) + 1) % 1_000_000).padStart(6, '0') },
      admin.cookie,
    );
    expect(badCode.json().error.code).toBe('TWO_FACTOR_CODE_WRONG');
    const changed = await post(ctx.app, '/api/auth/change-password', { ...change, code: uri.generate() }, admin.cookie);
    expect(changed.statusCode).toBe(200);
    expect((await firstStep(ctx, admin.email, change.newPassword)).res.json()).toMatchObject({ twoFactorRedirect: true });
  });

  it('a staff invitation to an account with a second factor is accepted only after the code, in a hub that requires one', async () => {
    const hub = await createTestHub(ctx);
    const security = await createTestUser(ctx, { hub, roles: ['security_admin'] });
    const rules = { twoFactorRoles: ['program_officer'], idleMinutes: null, absoluteHours: null };
    expect((await ctx.app.inject(as(security, { method: 'PUT', url: `/api/hubs/${hub.slug}/security`, payload: rules }))).statusCode).toBe(200);
    const person = await createTestUser(ctx);
    const { uri } = await enrol(ctx, person);
    const invited = await ctx.app.inject(
      as(security, { method: 'POST', url: `/api/hubs/${hub.slug}/staff/invitations`, payload: { email: person.email, roles: ['program_officer'] } }),
    );
    expect(invited.statusCode).toBe(201);
    const token = await tokenSentTo(ctx, person.email);
    const accept = `/api/hubs/${hub.slug}/invitations/accept`;

    // The password alone is half a sign-in: no session, so no acceptance, and the link stays open.
    const half = await firstStep(ctx, person.email);
    expect(half.res.json()).toMatchObject({ twoFactorRedirect: true });
    const early = await post(ctx.app, accept, { token }, half.cookie);
    expect(early.statusCode).toBe(401);
    expect(early.json().error.code).toBe('UNAUTHENTICATED');
    // Nor does a password in the body stand in for a session of an existing account.
    expect((await post(ctx.app, accept, { token, name: 'Someone', password: TEST_PASSWORD })).statusCode).toBe(401);
    const open = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/invitations/preview?token=${encodeURIComponent(token)}` });
    expect(open.json()).toMatchObject({ needsAccount: false, roles: ['program_officer'] });

    const verified = await post(ctx.app, '/api/auth/two-factor/verify-totp', { code: uri.generate() }, half.cookie);
    expect(verified.statusCode).toBe(200);
    const session = cookiesOf(verified);
    const accepted = await post(ctx.app, accept, { token }, session);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ hub: hub.slug, roles: ['program_officer'] });
    // Enrolled, so the hub's rule lets the new officer in at once.
    const capabilities = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/capabilities`, headers: { cookie: session } });
    expect(capabilities.json()).toMatchObject({ mustEnrolTwoFactor: false });
  });
});

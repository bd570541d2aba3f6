import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { createTestHub, createTestUser, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('sessions and cookies', () => {
  it('sign-in sets an HttpOnly SameSite=Lax session cookie; sign-out ends the session', async () => {
    const user = await createTestUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: user.email, password: TEST_PASSWORD } });
    const session = res.cookies.find((c) => c.name === 'dragongate.session_token')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().user.email).toBe(user.email);

    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, origin: 'http://localhost:3000' }, payload: {} });
    expect(out.statusCode).toBe(200);
    // The session row is gone: the bare token (without the signed cache cookie) is refused.
    const token = cookie.split('; ').find((c) => c.startsWith('dragongate.session_token='))!;
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: token } })).statusCode).toBe(401);
  });

  it('a wrong password is a 401 and does not sign in', async () => {
    const user = await createTestUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: user.email, password: 'not the right password at all' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'dragongate.session_token')).toBeUndefined();
    // better-auth's answer comes in the project's one error shape, in the caller's language.
    expect(res.json()).toEqual({ error: { code: 'WRONG_CREDENTIALS', message: 'The e-mail address or password is wrong.' } });
    const zh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: user.email, password: 'not the right password at all' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json()).toEqual({ error: { code: 'WRONG_CREDENTIALS', message: '邮箱或密码不正确。' } });
    expect(zh.headers['content-type']).toMatch(/^application\/json/);
  });

  it('sign-up refuses a common password and a short one, and accepts a long passphrase', async () => {
    const signUp = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email: `s-${randomUUID()}@test.example`, name: 'New', password } });
    const common = await signUp('1qaz2wsx3edc4rfv');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.code).toBe('PASSWORD_REJECTED');
    const short = await signUp('short');
    expect([short.statusCode, short.json().error.code]).toEqual([400, 'PASSWORD_REJECTED']);
    expect((await signUp('a long and memorable passphrase')).statusCode).toBe(200);
  });
});

describe('CSRF protection for cookie-authenticated writes', () => {
  it('refuses a write from a foreign origin or a cross-site fetch, accepts our own origin', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const post = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/hubs/${hub.slug}/organizations`,
        payload: organizationInput(),
        headers: { cookie: user.cookie, ...headers },
      });
    const foreign = await post({ origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF_REJECTED');
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
  });
});

describe('rate limits', () => {
  it('sign-in is limited per client address', async () => {
    const limited = await startTestApp({ signInPerMinute: 3 });
    const email = `r-${randomUUID()}@test.example`;
    // Fresh addresses each run: the limiter's counters live in the database.
    const octet = () => 1 + Math.floor(Math.random() * 250);
    const [first, second] = [`10.${octet()}.${octet()}.1`, `10.${octet()}.${octet()}.2`];
    const attempt = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email, password: 'wrong password, wrong password' },
        remoteAddress: first,
      });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt()).statusCode);
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
    const refused = await attempt();
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    // The answer says how long to wait: in the body (seconds, and in the sentence) and as Retry-After.
    const { retryAfterSeconds, message } = refused.json().error;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.headers['retry-after']).toBe(String(retryAfterSeconds));
    expect(message).toBe(`Too many attempts. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`);
    const inChinese = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'accept-language': 'zh-CN' },
      payload: { email, password: 'wrong password, wrong password' },
      remoteAddress: first,
    });
    expect(inChinese.statusCode).toBe(429);
    expect(inChinese.json().error.message).toBe(`尝试次数过多，请 ${inChinese.json().error.retryAfterSeconds} 秒后再试。`);
    // Another address is not held back by the first one's failures.
    const other = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email, password: 'wrong password, wrong password' },
      remoteAddress: second,
    });
    expect(other.statusCode).toBe(401);
  });

  it('changing the password (it asks for the current one) is limited like a sign-in, per client address', async () => {
    const limited = await startTestApp({ signInPerMinute: 5 });
    // Signed in through the usual app (one database), so this app's limit counts only the guesses.
    const user = await createTestUser(ctx);
    const address = `10.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}.3`;
    const guess = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie: user.cookie, origin: TEST_ORIGIN },
        payload: { currentPassword: 'a guess at the password', newPassword: 'a brand new passphrase for 2027' },
        remoteAddress: address,
      });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await guess()).statusCode);
    expect(codes.slice(0, 5).every((code) => code !== 429)).toBe(true);
    expect(codes[5]).toBe(429);
  });

  it('the API as a whole is limited per client address with a stable code', async () => {
    const limited = await startTestApp({ requestsPerMinute: 2 });
    const get = () => limited.app.inject({ method: 'GET', url: '/api/hubs', remoteAddress: '10.1.1.1' });
    await get();
    await get();
    const third = await get();
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('RATE_LIMITED');
    const { retryAfterSeconds } = third.json().error;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(third.headers['retry-after']).toBe(String(retryAfterSeconds));
    expect(third.json().error.message).toContain(`Try again in ${retryAfterSeconds} second`);
  });
});

describe('security headers and docs', () => {
  it('sends helmet headers, serves OpenAPI 3.1 with operationIds and the docs page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const spec = res.json();
    expect(spec.openapi).toBe('3.1.0');
    const ops = Object.values(spec.paths).flatMap((p) => Object.values(p as Record<string, { operationId?: string }>).map((o) => o.operationId));
    expect(ops).toEqual(
      expect.arrayContaining([
        'listHubs',
        'getHub',
        'listOrganizations',
        'getOrganization',
        'createOrganization',
        'updateOrganization',
        'addOrganizationMember',
      ]),
    );
    // The contracts the issues ask to keep: programs, reviewed programs, talent and stays.
    const kept = [
      ...[
        'createProgram',
        'updateProgram',
        'publishProgram',
        'listPrograms',
        'getProgram',
        'validateCriteria',
        'submitApplication',
        'getApplication',
        'listApplications',
        'listMatches',
        'runMatching',
      ],
      ...[
        'assignReviewers',
        'declareConflict',
        'submitReview',
        'decideApplication',
        'appealDecision',
        'releaseTranche',
        'submitMilestoneReport',
        'clawBackAward',
      ],
      ...[
        'searchStayAvailability',
        'createStayBooking',
        'cancelStayBooking',
        'changeStayBooking',
        'joinStayWaitlist',
        'checkInStay',
        'checkOutStay',
        'getTalentCard',
        'verifyTalentCard',
        'assessTalentTier',
      ],
    ];
    expect(kept.filter((id) => !ops.includes(id))).toEqual([]);
    expect(new Set(ops).size).toBe(ops.length);
    expect(ops.every(Boolean)).toBe(true);
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/openapi.json');
  });

  it('health reports the database', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const NEW_PASSWORD = 'a brand new passphrase for 2027';
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('changing the password', () => {
  it('ends the other sessions even when the client does not ask; the session that changed it stays signed in', async () => {
    const user = await createTestUser(ctx);
    const laptop = await signIn(ctx.app, user.email);
    expect((await me(laptop)).statusCode).toBe(200);

    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      headers: { cookie: user.cookie, origin: TEST_ORIGIN },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    // The changing session carries on with the cookie the answer set (as the web does).
    const fresh = changed.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect(fresh).toContain('session_token');
    expect((await me(fresh)).statusCode).toBe(200);

    // Asking to keep them changes nothing.
    const tablet = await signIn(ctx.app, user.email, NEW_PASSWORD);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: NEW_PASSWORD, newPassword: `${NEW_PASSWORD} again`, revokeOtherSessions: false },
      headers: { cookie: fresh, origin: TEST_ORIGIN },
    });
    expect(again.statusCode).toBe(200);
    expect((await me(tablet)).statusCode).toBe(401);
  });
});

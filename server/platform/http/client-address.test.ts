import { describe, expect, it } from 'vitest';
import { createTestUser, startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { parseTrustProxy } from '../config.js';

/** The address better-auth recorded for a session signed in with these headers, from that address. */
async function sessionAddress(ctx: TestContext, email: string, remoteAddress: string, headers: Record<string, string>): Promise<string | null> {
  const signedIn = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password: TEST_PASSWORD },
    remoteAddress,
    headers,
  });
  expect(signedIn.statusCode).toBe(200);
  const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const current = (await ctx.app.inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie } })).json() as {
    session: { ipAddress: string | null };
  };
  return current.session.ipAddress;
}

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  it('is the address the trusted proxy saw, never one the client wrote into X-Forwarded-For itself', async () => {
    const ctx = await startTestApp({ trustProxy: parseTrustProxy('true') });
    const user = await createTestUser(ctx);
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy (10.0.0.5) appended the address it saw.
    expect(await sessionAddress(ctx, user.email, '10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7');
  });

  it('names the proxies by address: a request from elsewhere is taken at its own address', async () => {
    const ctx = await startTestApp({ trustProxy: parseTrustProxy('10.0.0.0/8') });
    const user = await createTestUser(ctx);
    expect(await sessionAddress(ctx, user.email, '10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 203.0.113.8' })).toBe('203.0.113.8');
    expect(await sessionAddress(ctx, user.email, '198.51.100.4', { 'x-forwarded-for': '6.6.6.6' })).toBe('198.51.100.4');
  });

  it('is read from the setting, and a setting that is not one refuses to start', () => {
    expect([undefined, '', 'false', 'true', '2', '10.0.0.1, 10.1.0.0/16, ::1, uniquelocal'].map(parseTrustProxy)).toEqual([
      false,
      false,
      false,
      1,
      2,
      ['10.0.0.1', '10.1.0.0/16', '::1', 'uniquelocal'],
    ]);
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/8']) expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY must be/);
  });
});

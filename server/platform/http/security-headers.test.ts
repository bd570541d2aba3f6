import { describe, expect, it } from 'vitest';
import { createTestUser, startTestApp, TEST_PASSWORD } from '../../test/harness.js';

const scriptSrc = (csp: unknown) =>
  String(csp)
    .split(';')
    .find((d) => d.trim().startsWith('script-src'))!
    .trim();

describe('security headers', async () => {
  const plain = await startTestApp();
  const secure = await startTestApp({ publicUrl: 'https://dragongate.example' });

  it('CSP allows no inline script; the API reference page runs its one inline script by a per-response nonce and loads nothing from elsewhere', async () => {
    const api = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(scriptSrc(api.headers['content-security-policy'])).not.toContain('unsafe-inline');

    const docs = await plain.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const src = scriptSrc(docs.headers['content-security-policy']);
    expect(src).not.toContain('unsafe-inline');
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(src)![1]!;
    const scripts = [...docs.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((attrs) => attrs.includes(`nonce="${nonce}"`))).toBe(true);
    // The script is ours (bundled), fonts are not fetched, no telemetry.
    expect(docs.body).not.toMatch(/src="https?:/);
    expect(docs.body).toContain('"withDefaultFonts": false');
    expect(docs.body).toContain('"telemetry": false');
    const again = await plain.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(scriptSrc(again.headers['content-security-policy'])).not.toBe(src);
    const bundle = await plain.app.inject({ method: 'GET', url: '/api/docs/js/scalar.js' });
    expect(bundle.statusCode).toBe(200);
  });

  it('on http: no HSTS, cookies without Secure', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const user = await createTestUser(plain);
    const signIn = await plain.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(signIn.cookies.length).toBeGreaterThan(0);
    expect(signIn.cookies.every((c) => !c.secure)).toBe(true);
  });

  it('when PUBLIC_URL is https: HSTS, and every cookie better-auth sets is Secure', async () => {
    const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const user = await createTestUser(plain);
    const signIn = await secure.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const session = signIn.cookies.find((c) => c.name.endsWith('dragongate.session_token'));
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(signIn.cookies.every((c) => c.secure)).toBe(true);
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SignInPage } from './sign-in.page';

const words = {
  'zh-CN': {
    email: '邮箱',
    password: '密码',
    signIn: '登 录',
    code: '验证码',
    verify: '验 证',
    wrong: '验证码不正确。',
    backup: '备用码',
    useBackup: '手机不在身边？改用备用码',
  },
  'en-US': {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    code: 'Code',
    verify: 'Verify',
    wrong: 'The code is wrong.',
    backup: 'Backup code',
    useBackup: 'Phone not at hand? Use a backup code',
  },
};
const me = (mustEnrol: boolean) => ({
  '/api/me': {
    status: 200,
    body: {
      user: { id: 'u', email: 'a@b.c', name: 'A', emailVerified: true },
      operator: false,
      hubs: [{ slug: 'suzhou', roles: ['hub_admin'] }],
      organizations: [],
    },
  },
  '/api/hubs/suzhou/capabilities': { status: 200, body: { mustEnrolTwoFactor: mustEnrol } },
});

/** The sign-in page between a landing page and enrolment, so a test sees where it leads. */
function renderSignIn(locale: keyof typeof words, next = '/hubs/suzhou/budget') {
  return renderInApp(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/hubs/suzhou/budget" element={<p>landed</p>} />
      <Route path="/two-factor" element={<p>enrolment</p>} />
    </Routes>,
    { locale, path: `/sign-in?next=${encodeURIComponent(next)}` },
  );
}

function server(routes: Record<string, { status: number; body?: unknown }>, verify: (r: SeenRequest) => { status: number; body?: unknown }) {
  return fakeServer((r) => {
    const path = r.path.split('?')[0]!;
    if (path === '/api/auth/sign-in/email') return { status: 200, body: { twoFactorRedirect: true, twoFactorMethods: ['totp'] } };
    if (path.startsWith('/api/auth/two-factor/')) return verify(r);
    return routes[path] ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
}

async function passwordStep(locale: keyof typeof words) {
  const w = words[locale];
  await userEvent.type(await screen.findByLabelText(w.email), 'admin@suzhou.test');
  await userEvent.type(screen.getByLabelText(w.password), 'lakeside-lanterns-2026');
  await userEvent.click(screen.getByRole('button', { name: w.signIn }));
  return screen.findByLabelText(w.code);
}

describe('SignInPage: the second step', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks for a code after the password, shows a wrong one under the field, then signs in (%s)', async (locale) => {
    const w = words[locale];
    const seen = server(me(false), (r) =>
      (r.body as { code: string }).code === '000000'
        ? { status: 401, body: { error: { code: 'TWO_FACTOR_CODE_WRONG', message: 'x', fields: [{ path: 'code', code: 'INVALID' }] } } }
        : { status: 200, body: { token: 't' } },
    );
    renderSignIn(locale);
    const code = await passwordStep(locale);
    await userEvent.type(code, '000000');
    await userEvent.click(screen.getByRole('button', { name: w.verify }));
    await vi.waitFor(() => expect(code.closest('.ant-form-item')!.textContent).toContain(w.wrong));
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.clear(code);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: w.verify }));
    expect(await screen.findByText('landed')).toBeTruthy();
    const verifies = seen.filter((r) => r.path === '/api/auth/two-factor/verify-totp').map((r) => r.body);
    expect(verifies).toEqual([{ code: '000000' }, { code: '123456' }]);
  });

  it('refuses a code that is not six digits before sending', async () => {
    const seen = server(me(false), () => ({ status: 200, body: { token: 't' } }));
    renderSignIn('en-US');
    const code = await passwordStep('en-US');
    await userEvent.type(code, '12ab');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await vi.waitFor(() => expect(code.closest('.ant-form-item')!.textContent).toContain('Enter six digits.'));
    expect(seen.filter((r) => r.path.startsWith('/api/auth/two-factor/'))).toHaveLength(0);
  });

  it.each([
    ['zh-CN', '锁定至'],
    ['en-US', 'locked until'],
  ] as const)('says under the field until when a locked account stays locked (%s)', async (locale, lockedText) => {
    server(me(false), () => ({ status: 429, body: { error: { code: 'ACCOUNT_LOCKED', message: 'x' } } }));
    const realFetch = globalThis.fetch;
    // The server's Retry-After: 15 minutes.
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      if (response.status !== 429) return response;
      return new Response(await response.text(), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '900' } });
    });
    renderSignIn(locale);
    const code = await passwordStep(locale);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: words[locale].verify }));
    const until = new Date(Date.now() + 900_000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
    await vi.waitFor(() => expect(code.closest('.ant-form-item')!.textContent).toContain(lockedText));
    expect(code.closest('.ant-form-item')!.textContent).toContain(until);
  });

  it('takes a backup code instead, and leads to enrolment when a hub requires it and the account has none', async () => {
    const seen = server(me(true), () => ({ status: 200, body: { token: 't' } }));
    renderSignIn('en-US');
    await passwordStep('en-US');
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].useBackup }));
    await userEvent.type(await screen.findByLabelText('Backup code'), ' AbCdE-12345 ');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('enrolment')).toBeTruthy();
    expect(seen.find((r) => r.path === '/api/auth/two-factor/verify-backup-code')!.body).toEqual({ code: 'AbCdE-12345' });
  });
});

describe('SignInPage: too many attempts', () => {
  it.each([
    ['zh-CN', '尝试次数过多，请 42 秒后再试。'],
    ['en-US', 'Too many attempts. Try again in 42 seconds.'],
  ] as const)('says how long to wait when the server’s 429 says it (%s)', async (locale, waitText) => {
    fakeServer((r) =>
      r.path.split('?')[0] === '/api/auth/sign-in/email'
        ? { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x', retryAfterSeconds: 42 } } }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
    );
    renderSignIn(locale);
    await userEvent.type(await screen.findByLabelText(words[locale].email), 'admin@suzhou.test');
    await userEvent.type(screen.getByLabelText(words[locale].password), 'lakeside-lanterns-2026');
    await userEvent.click(screen.getByRole('button', { name: words[locale].signIn }));
    expect((await screen.findByRole('alert')).textContent).toBe(waitText);
  });
});

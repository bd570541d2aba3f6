import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AcceptInvitationPage } from './accept-invitation.page';

const words = {
  'zh-CN': { password: '密码', signInAndAccept: '登录并接受', code: '验证码', verify: '验 证' },
  'en-US': { password: 'Password', signInAndAccept: 'Sign in and accept', code: 'Code', verify: 'Verify' },
};
const token = 't'.repeat(32);
const preview = {
  hub: { slug: 'suzhou', name: { zh: '苏州', en: 'Suzhou' } },
  email: 'officer@suzhou.test',
  roles: ['program_officer'],
  expiresAt: '2099-01-01T00:00:00.000Z',
  needsAccount: false,
};

describe('AcceptInvitationPage: an existing account with a second factor', () => {
  it.each(['zh-CN', 'en-US'] as const)('signs in with the password, then the code, and only then accepts (%s)', async (locale) => {
    const w = words[locale];
    let signedIn = false;
    const seen = fakeServer((r) => {
      const path = r.path.split('?')[0]!;
      if (path === '/api/me')
        return signedIn
          ? { status: 200, body: { user: { id: 'u', email: preview.email, name: 'O', emailVerified: true }, operator: false, hubs: [], organizations: [] } }
          : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } };
      if (path === '/api/hubs/suzhou/invitations/preview') return { status: 200, body: preview };
      if (path === '/api/auth/sign-in/email') return { status: 200, body: { twoFactorRedirect: true, twoFactorMethods: ['totp'] } };
      if (path === '/api/auth/two-factor/verify-totp') {
        signedIn = true;
        return { status: 200, body: { token: 's' } };
      }
      if (path === '/api/hubs/suzhou/invitations/accept')
        return signedIn
          ? { status: 200, body: { hub: 'suzhou', roles: ['program_officer'], email: preview.email } }
          : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } };
      return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
    });
    renderInApp(
      <Routes>
        <Route path="/invitations/:kind" element={<AcceptInvitationPage />} />
        <Route path="/hubs/suzhou" element={<p>in the hub</p>} />
      </Routes>,
      { locale, path: `/invitations/staff?hub=suzhou&token=${token}` },
    );
    await userEvent.type(await screen.findByLabelText(w.password), 'lakeside-lanterns-2026');
    await userEvent.click(screen.getByRole('button', { name: w.signInAndAccept }));
    const code = await screen.findByLabelText(w.code);
    expect(seen.some((r) => r.path.startsWith('/api/hubs/suzhou/invitations/accept'))).toBe(false);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: w.verify }));
    expect(await screen.findByText('in the hub')).toBeTruthy();

    const paths = seen.filter((r) => r.method === 'POST').map((r) => r.path.split('?')[0]);
    expect(paths).toEqual(['/api/auth/sign-in/email', '/api/auth/two-factor/verify-totp', '/api/hubs/suzhou/invitations/accept']);
    expect(seen.find((r) => r.path === '/api/auth/sign-in/email')!.body).toEqual({ email: preview.email, password: 'lakeside-lanterns-2026' });
    expect(seen.find((r) => r.path.startsWith('/api/hubs/suzhou/invitations/accept'))!.body).toEqual({ token });
  });
});

import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { answer, api } from '../api/client';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SessionExpiryRedirect } from './session-expiry-redirect';
import { SignInPage } from './sign-in.page';

const words = {
  'zh-CN': { why: '您已退出登录：长时间未操作', email: '邮箱', password: '密码', signIn: '登 录' },
  'en-US': { why: 'You were signed out: the session was idle too long', email: 'Email', password: 'Password', signIn: 'Sign in' },
};

/** A page of the hub that loads one thing, as every page does, through the one request path. */
function BudgetPage() {
  const budget = useQuery({
    queryKey: ['budget'],
    queryFn: async () => (await answer(api.GET('/api/hubs/{hub}', { params: { path: { hub: 'suzhou' } } }))) as unknown as { total: string },
  });
  return <p>{budget.data ? `budget ${budget.data.total}` : budget.isError ? 'an error' : 'loading'}</p>;
}

/** The redirect beside the sign-in page and the budget page, at `path`. */
function renderBudget(locale: keyof typeof words, path: string) {
  return renderInApp(
    <>
      <SessionExpiryRedirect />
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/hubs/suzhou/budget" element={<BudgetPage />} />
      </Routes>
    </>,
    { locale, path },
  );
}

describe('SessionExpiryRedirect', () => {
  it.each(['zh-CN', 'en-US'] as const)('sends a timed-out session to sign-in, says why, and returns to the page afterwards (%s)', async (locale) => {
    const w = words[locale];
    let signedIn = true;
    let expiredOnce = false;
    const seen = fakeServer((r) => {
      const path = r.path.split('?')[0]!;
      if (path === '/api/hubs/suzhou') {
        if (signedIn && !expiredOnce) {
          // The hub's idle limit: the server ends the session on this request.
          expiredOnce = true;
          signedIn = false;
          return { status: 401, body: { error: { code: 'SESSION_EXPIRED', message: 'x' } } };
        }
        return signedIn ? { status: 200, body: { total: '42' } } : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } };
      }
      if (path === '/api/auth/sign-in/email') {
        signedIn = true;
        return { status: 200, body: { token: 't', user: { id: 'u' } } };
      }
      if (path === '/api/me')
        return { status: 200, body: { user: { id: 'u', email: 'a@b.c', name: 'A', emailVerified: true }, operator: false, hubs: [], organizations: [] } };
      return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
    });
    renderBudget(locale, '/hubs/suzhou/budget?year=2026');
    expect(await screen.findByText(new RegExp(w.why), {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('an error')).toBeNull();
    await userEvent.type(screen.getByLabelText(w.email), 'admin@suzhou.test');
    await userEvent.type(screen.getByLabelText(w.password), 'lakeside-lanterns-2026');
    await userEvent.click(screen.getByRole('button', { name: w.signIn }));
    expect(await screen.findByText('budget 42', {}, { timeout: 10_000 })).toBeTruthy();
    expect(seen.filter((r) => r.path === '/api/hubs/suzhou')).toHaveLength(2);
  });

  it('leaves other refusals to the page: a plain 401 is not a timed-out session', async () => {
    fakeServer(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } }));
    renderBudget('en-US', '/hubs/suzhou/budget');
    expect(await screen.findByText('an error', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText(new RegExp(words['en-US'].why))).toBeNull();
  });
});

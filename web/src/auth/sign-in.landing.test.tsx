import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contracts/auth';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { landingAfterSignIn, onlyHubOf } from '../two-factor/use-after-sign-in';
import { SignInPage } from './sign-in.page';

const person = (hubs: Me['hubs'], organizations: Me['organizations'] = [], operator = false): Me => ({
  user: { id: '01a2373f-0000-7000-8000-0000000000c1', email: 'a@b.test', name: 'A', emailVerified: true },
  operator,
  hubs,
  organizations,
});
const company = (hub: string): Me['organizations'][number] => ({
  hub,
  id: '01a2373f-0000-7000-8000-0000000000c2',
  name: { zh: '钱塘具身智能', en: 'Qiantang Embodied AI' },
  role: 'owner',
});

describe('where sign-in lands when nothing was asked for', () => {
  it('a person of one hub (staff there, or their company is there) lands in it; several, none or an operator: the hub picker', () => {
    expect(onlyHubOf(person([{ slug: 'hangzhou', roles: ['program_officer'] }]))).toBe('hangzhou');
    expect(onlyHubOf(person([], [company('hangzhou')]))).toBe('hangzhou');
    expect(onlyHubOf(person([{ slug: 'hangzhou', roles: ['reviewer'] }], [company('hangzhou')]))).toBe('hangzhou');
    expect(onlyHubOf(person([{ slug: 'hangzhou', roles: ['reviewer'] }], [company('shenzhen')]))).toBeNull();
    expect(onlyHubOf(person([]))).toBeNull();
    expect(onlyHubOf(person([{ slug: 'hangzhou', roles: ['hub_admin'] }], [], true))).toBeNull();
    expect(landingAfterSignIn('/', person([], [company('hangzhou')]))).toBe('/hubs/hangzhou/organizations');
    expect(landingAfterSignIn('/', person([]))).toBe('/');
    // A page asked for is where they go, whatever their hubs.
    expect(landingAfterSignIn('/hubs/hangzhou/budget', person([{ slug: 'shenzhen', roles: ['hub_admin'] }]))).toBe('/hubs/hangzhou/budget');
  });

  it.each([
    ['zh-CN', '邮箱', '密码', '登 录'],
    ['en-US', 'Email', 'Password', 'Sign in'],
  ] as const)('signing in from the sign-in page, a startup whose company is in Hangzhou lands in Hangzhou (%s)', async (locale, email, password, signIn) => {
    fakeServer(({ path }) => {
      if (path === '/api/auth/sign-in/email') return { status: 200, body: { token: 't', redirect: false } };
      if (path === '/api/me') return { status: 200, body: person([], [company('hangzhou')]) };
      return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
    });
    renderInApp(
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/" element={<p>hub picker</p>} />
        <Route path="/hubs/hangzhou/organizations" element={<p>in Hangzhou</p>} />
      </Routes>,
      { locale, path: '/sign-in' },
    );
    await userEvent.type(await screen.findByLabelText(email), 'startup@hangzhou.demo');
    await userEvent.type(screen.getByLabelText(password), 'dragongate-demo-2026');
    await userEvent.click(screen.getByRole('button', { name: signIn }));
    expect(await screen.findByText('in Hangzhou')).toBeTruthy();
    expect(screen.queryByText('hub picker')).toBeNull();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../contracts/auth';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ProfilePage } from './profile.page';

const me: Me = {
  user: { id: '01a2373f-0000-7000-8000-000000000100', email: 'li@hangzhou.demo', name: '李毕业', emailVerified: false },
  operator: false,
  hubs: [],
  organizations: [],
};
const words = {
  'zh-CN': { resend: '重新发送确认邮件', sent: '确认邮件已发送。', limited: '请求过于频繁，请稍后再试。' },
  'en-US': { resend: 'Send the confirmation again', sent: 'Confirmation message sent.', limited: 'Too many requests; try again later.' },
};
type Locale = keyof typeof words;

function renderProfile(resend: () => { status: number; body?: unknown }, locale: Locale) {
  const seen = fakeServer((request: SeenRequest) => {
    if (request.path === '/api/auth/send-verification-email') return resend();
    if (request.path === '/api/me') return { status: 200, body: me };
    if (request.path === '/api/auth/get-session') return { status: 200, body: { session: { id: 's1' }, user: { twoFactorEnabled: false } } };
    if (request.path === '/api/auth/list-sessions') return { status: 200, body: [] };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(<ProfilePage />, { locale, path: '/profile' });
  return () => seen.filter((r) => r.path === '/api/auth/send-verification-email').map((r) => r.body);
}

describe('ProfilePage: sending the address confirmation again, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('sends it to the account’s address and says so (%s)', async (locale) => {
    const writes = renderProfile(() => ({ status: 200, body: { status: true } }), locale);
    await userEvent.click(await screen.findByRole('button', { name: words[locale].resend }, loading));
    expect(await screen.findByText(words[locale].sent)).toBeTruthy();
    expect(writes()).toEqual([{ email: 'li@hangzhou.demo', callbackURL: '/profile' }]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal above the button (%s)', async (locale) => {
    renderProfile(() => ({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x' } } }), locale);
    const button = await screen.findByRole('button', { name: words[locale].resend }, loading);
    await userEvent.click(button);
    // The button's own form holds the refusal (a toast would be elsewhere, and pass).
    await vi.waitFor(() => expect(within(button.closest('form')!).getByRole('alert').textContent).toContain(words[locale].limited));
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SessionsCard } from './sessions.card';

const words = {
  'zh-CN': { out: '退出其他所有会话', done: '其他会话已全部退出。', limited: '请求过于频繁，请稍后再试。' },
  'en-US': { out: 'Sign out all other sessions', done: 'All other sessions are signed out.', limited: 'Too many requests; try again later.' },
};
type Locale = keyof typeof words;

function renderCard(write: () => { status: number; body?: unknown }, locale: Locale) {
  const seen = fakeServer((request: SeenRequest) => (request.method === 'POST' ? write() : { status: 200, body: [] }));
  renderInApp(<SessionsCard currentSessionId={undefined} />, { locale });
  return () => seen.filter((r) => r.method === 'POST').map((r) => r.path);
}

describe('SessionsCard: sign out everywhere else, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('signs the other sessions out and says so (%s)', async (locale) => {
    const writes = renderCard(() => ({ status: 200, body: { status: true } }), locale);
    await userEvent.click(screen.getByRole('button', { name: words[locale].out }));
    expect(await screen.findByText(words[locale].done)).toBeTruthy();
    expect(writes()).toEqual(['/api/auth/revoke-other-sessions']);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal in the card, above the button (%s)', async (locale) => {
    renderCard(() => ({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x' } } }), locale);
    await userEvent.click(screen.getByRole('button', { name: words[locale].out }));
    await vi.waitFor(() => expect(document.querySelector('.ant-card form .ant-alert-error')?.textContent).toContain(words[locale].limited));
  });
});

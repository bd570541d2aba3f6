import { screen, within } from '@testing-library/react';
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

const session = (id: string, userAgent: string | null) => ({
  id,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  expiresAt: '2026-04-01T08:00:00.000Z',
  ipAddress: '203.0.113.7',
  userAgent,
});
const sessions = [
  session('this', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
  session(
    'phone',
    'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64',
  ),
  session('iphone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
  session('script', null),
];

describe('SessionsCard: each session’s device, as people name it', () => {
  it.each([
    ['zh-CN', ['Chrome · Linux', '微信 · Android', 'Safari · iPhone', '未知设备'], '当前会话'],
    ['en-US', ['Chrome · Linux', 'WeChat · Android', 'Safari · iPhone', 'Unknown device'], 'This session'],
  ] as const)('names browser and system, never the raw user-agent string (%s)', async (locale, devices, current) => {
    fakeServer(() => ({ status: 200, body: sessions }));
    renderInApp(<SessionsCard currentSessionId="this" />, { locale });
    await screen.findByText(devices[0]);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual([`${devices[0]}${current}`, ...devices.slice(1)]);
    expect(document.body.textContent).not.toMatch(/Mozilla|AppleWebKit/);
  });
});

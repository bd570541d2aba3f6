import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SessionsCard } from './sessions.card';

const words = {
  'zh-CN': {
    out: '退出其他所有会话',
    askOut: '退出除当前会话外的所有会话？其他设备上需要重新登录。',
    cancel: /^取\s?消$/,
    done: '其他会话已全部退出。',
    limited: '请求过于频繁，请稍后再试。',
    end: '退出此会话',
    endOk: /^退\s?出$/,
    askEnd: '退出 微信 · Android 上的会话（最近活动 2026年3月2日 09:30）？该设备需要重新登录。',
    ended: '该会话已退出。',
    lines: ['登录时间：2026年3月1日 08:00', '最近活动：2026年3月2日 09:30', '网络地址：203.0.113.7'],
  },
  'en-US': {
    out: 'Sign out all other sessions',
    askOut: 'Sign out every session but this one? Other devices will have to sign in again.',
    cancel: /^Cancel$/,
    done: 'All other sessions are signed out.',
    limited: 'Too many requests; try again later.',
    end: 'Sign out this session',
    endOk: /^Sign out$/,
    askEnd: 'Sign out the session on WeChat · Android (last active Mar 2, 2026, 9:30 AM)? That device will have to sign in again.',
    ended: 'That session is signed out.',
    lines: ['Signed in: Mar 1, 2026, 8:00 AM', 'Last active: Mar 2, 2026, 9:30 AM', 'Network address: 203.0.113.7'],
  },
};
type Locale = keyof typeof words;

const session = (id: string, userAgent: string | null) => ({
  id,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  expiresAt: '2026-04-01T08:00:00.000Z',
  ipAddress: '203.0.113.7',
  userAgent,
});
const sessions = [
  session(
    'phone',
    'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64',
  ),
  session('this', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
  session('iphone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
  session('script', null),
];

function renderCard(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: Locale) {
  const seen = fakeServer((request: SeenRequest) => (request.method === 'GET' ? { status: 200, body: sessions } : write(request)));
  renderInApp(<SessionsCard currentSessionId="this" />, { locale });
  return () => seen.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}
const tooltip = () => screen.findByRole('tooltip');
const rows = async () => within(await screen.findByRole('list', { name: /登录会话|Sessions/ })).getAllByRole('listitem');

describe('SessionsCard: sign out everywhere else, after a confirm', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks first; cancel sends nothing; confirmed, signs the others out and says so (%s)', async (locale) => {
    const w = words[locale];
    const writes = renderCard(() => ({ status: 200, body: { status: true } }), locale);
    await userEvent.click(await screen.findByRole('button', { name: w.out }));
    expect((await tooltip()).textContent).toContain(w.askOut);
    await userEvent.click(within(await tooltip()).getByRole('button', { name: w.cancel }));
    expect(writes()).toEqual([]);
    // The trigger (the first such button: the confirm's own may stay in the page, hidden).
    await userEvent.click(screen.getAllByRole('button', { name: w.out })[0]!);
    await userEvent.click(within(await tooltip()).getByRole('button', { name: w.out }));
    expect(await screen.findByText(w.done)).toBeTruthy();
    expect(writes()).toEqual(['POST /api/auth/revoke-other-sessions']);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal in the card, above the button (%s)', async (locale) => {
    const w = words[locale];
    renderCard(() => ({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x' } } }), locale);
    await userEvent.click(await screen.findByRole('button', { name: w.out }));
    await userEvent.click(within(await tooltip()).getByRole('button', { name: w.out }));
    await vi.waitFor(() => expect(document.querySelector('.ant-card form .ant-alert-error')?.textContent).toContain(w.limited));
  });
});

describe('SessionsCard: one session signed out on its own', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks first, naming the device and when it was last active, then ends that session only (%s)', async (locale) => {
    const w = words[locale];
    const writes = renderCard(() => ({ status: 204 }), locale);
    const phone = (await rows())[1]!;
    await userEvent.click(within(phone).getByRole('button', { name: w.end }));
    expect((await tooltip()).textContent).toContain(w.askEnd);
    expect(writes()).toEqual([]);
    await userEvent.click(within(await tooltip()).getByRole('button', { name: w.endOk }));
    expect(await screen.findByText(w.ended)).toBeTruthy();
    expect(writes()).toEqual(['DELETE /api/account/sessions/phone']);
  });

  it('offers no way to end this session from the list (signing out does that)', async () => {
    renderCard(() => ({ status: 204 }), 'zh-CN');
    const [current, ...others] = await rows();
    expect(within(current!).queryByRole('button')).toBeNull();
    for (const row of others) expect(within(row).getByRole('button', { name: words['zh-CN'].end })).toBeTruthy();
  });
});

describe('SessionsCard: each session as a row that fits a phone', () => {
  it.each([
    ['zh-CN', ['Chrome · Linux', '微信 · Android', 'Safari · iPhone', '未知设备'], '当前会话'],
    ['en-US', ['Chrome · Linux', 'WeChat · Android', 'Safari · iPhone', 'Unknown device'], 'This session'],
  ] as const)(
    'names browser and system, this session first; when and where, each on its own line; never the raw user-agent (%s)',
    async (locale, devices, current) => {
      renderCard(() => ({ status: 204 }), locale);
      const list = await rows();
      expect(list.map((row) => row.querySelector('div > div > div')!.textContent)).toEqual([`${devices[0]}${current}`, ...devices.slice(1)]);
      for (const line of words[locale].lines) expect(within(list[0]!).getByText(line)).toBeTruthy();
      expect(document.querySelector('table')).toBeNull();
      expect(document.body.textContent).not.toMatch(/Mozilla|AppleWebKit/);
    },
  );
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contracts/auth';
import type { Notification } from '../api/notifications.api';
import { fakeServer } from '../../test/fake-server';
import { loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { NotificationBell } from './notification-bell';

const me: Me = {
  user: { id: '01a2373f-0000-7000-8000-0000000000c1', email: 'grad@test.example', name: 'Grad', emailVerified: true },
  operator: false,
  hubs: [],
  organizations: [],
};
const offered: Notification = {
  id: '01a2373f-0000-7000-8000-0000000000c2',
  kind: 'stay_bed_offered',
  subjectType: 'stay_booking',
  subjectId: '01a2373f-0000-7000-8000-0000000000c3',
  payload: { link: '/hubs/hangzhou/stays' },
  read: false,
  createdAt: '2026-12-03T07:00:00.000Z',
};

function Where() {
  return <output aria-label="where">{useLocation().pathname}</output>;
}

function renderBell(locale: 'zh-CN' | 'en-US') {
  const seen = fakeServer((request) => {
    if (request.path === '/api/me') return { status: 200, body: me };
    if (request.path.startsWith('/api/hubs/hangzhou/notifications?')) return { status: 200, body: { items: [offered], next: null, unread: 1 } };
    if (request.method === 'POST') return { status: 204 };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route
        path="/hubs/:hub/*"
        element={
          <>
            <NotificationBell />
            <Where />
          </>
        }
      />
    </Routes>,
    { locale, path: '/hubs/hangzhou/dashboard' },
  );
  return seen;
}

const words = {
  'zh-CN': { bell: '通知，1 条未读', item: '床位已为您保留' },
  'en-US': { bell: 'Notifications, 1 unread', item: 'A bed held for you' },
} as const;

describe('NotificationBell', () => {
  it.each(['zh-CN', 'en-US'] as const)('opens a notification from the keyboard: marked read, and its page shown (%s)', async (locale) => {
    const seen = renderBell(locale);
    fireEvent.click(await screen.findByRole('button', { name: words[locale].bell }, loading));
    const item = await screen.findByRole('button', { name: new RegExp(words[locale].item) });
    item.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('where').textContent).toBe('/hubs/hangzhou/stays'));
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/api/hubs/hangzhou/notifications/${offered.id}/read`]);
  });
});

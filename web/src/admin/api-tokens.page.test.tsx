import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../api/api-tokens.api';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ApiTokensPage } from './api-tokens.page';

const token: ApiToken = {
  id: '01a2373f-0000-7000-8000-0000000000f0',
  name: 'ERP sync',
  hint: 'x7Qa',
  roles: ['program_officer'],
  subject: null,
  createdBy: '王芳',
  createdAt: '2026-11-01T08:00:00.000Z',
  expiresAt: '2027-11-01T08:00:00.000Z',
  revokedAt: null,
  lastUsedAt: null,
  status: 'active',
};
const revokePath = `/api/hubs/hangzhou/api-tokens/${token.id}/revoke`;
const words = {
  'zh-CN': { revoke: /^吊\s?销$/, done: '令牌已吊销。', forbidden: '您没有执行此操作的权限。' },
  'en-US': { revoke: /^Revoke$/, done: 'The token is revoked.', forbidden: 'You are not allowed to do this.' },
};
type Locale = keyof typeof words;

function renderPage(revoke: () => { status: number; body?: unknown }, locale: Locale) {
  const seen = fakeServer((request: SeenRequest) => {
    if (request.method === 'POST') return revoke();
    if (request.path.startsWith('/api/hubs/hangzhou/api-tokens')) return { status: 200, body: { items: [token], next: null } };
    // The new-token dialog (closed) reads the session's second factor.
    if (request.path === '/api/auth/get-session') return { status: 200, body: { session: {}, user: { twoFactorEnabled: true } } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/api-tokens" element={<ApiTokensPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/api-tokens' },
  );
  return () => seen.filter((r) => r.method === 'POST').map((r) => r.path);
}

async function revoke(locale: Locale) {
  const row = (await screen.findByText('ERP sync', undefined, loading)).closest('tr') as HTMLElement;
  await userEvent.click(within(row).getByRole('button', { name: words[locale].revoke }));
  return row;
}

describe('ApiTokensPage: a hub admin revokes a token, on the one form pattern', () => {
  it('revokes only once confirmed, and says so', async () => {
    const writes = renderPage(() => ({ status: 200, body: { ...token, status: 'revoked' } }), 'en-US');
    await revoke('en-US');
    expect(writes()).toEqual([]);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words['en-US'].revoke }));
    expect(await screen.findByText(words['en-US'].done)).toBeTruthy();
    expect(writes()).toEqual([revokePath]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal in the token’s row (%s)', async (locale) => {
    renderPage(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } }), locale);
    const row = await revoke(locale);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words[locale].revoke }));
    await vi.waitFor(() => expect(within(row).getByRole('alert').textContent).toContain(words[locale].forbidden));
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { HubSecurityPage } from './hub-security.page';

const rules = { twoFactorRoles: [], idleMinutes: null, absoluteHours: null };
const words = {
  'zh-CN': { title: '人才卡签名密钥', rotate: '更换人才卡签名密钥', rotated: '新卡将使用密钥 k-2027 签名。', rules: '登录安全规则' },
  'en-US': {
    title: 'Talent card signing key',
    rotate: 'Rotate the card signing key',
    rotated: 'New cards are signed with key k-2027.',
    rules: 'Sign-in rules',
  },
};

function renderPage(grants: Grants, roles: HubRole[], locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const seen = fakeServerWith(capabilitiesWith(grants, roles), ({ path, method }) =>
    path === '/api/hubs/hangzhou/security'
      ? { status: 200, body: rules }
      : path === '/api/hubs/hangzhou/talent/signing-keys/rotate' && method === 'POST'
        ? { status: 200, body: { kid: 'k-2027' } }
        : undefined,
  );
  renderInApp(
    <Routes>
      <Route
        path="/hubs/:hub/security"
        element={
          <>
            <HubSecurityPage />
            <CapabilitiesLoaded hub="hangzhou" />
          </>
        }
      />
    </Routes>,
    { locale, path: '/hubs/hangzhou/security' },
  );
  return seen;
}

describe('HubSecurityPage: the talent card signing key is rotated here, by whom the server lists', () => {
  it.each(['zh-CN', 'en-US'] as const)('a security admin rotates the key with the same operation, after confirming (%s)', async (locale) => {
    const w = words[locale];
    const seen = renderPage({ hub: { readSecurity: true, updateSecurity: true }, talent: { read: true, rotateKeys: true } }, ['security_admin'], locale);
    const card = (await screen.findByRole('heading', { name: w.title }, loading)).closest('.ant-card') as HTMLElement;
    await userEvent.click(within(card).getByRole('button', { name: new RegExp(w.rotate.split('').join('\\s?')) }));
    expect(seen.some((r) => r.path.endsWith('/rotate'))).toBe(false);
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: new RegExp(w.rotate.split('').join('\\s?')) }));
    expect((await within(card).findByRole('status')).textContent).toContain(w.rotated);
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/hubs/hangzhou/talent/signing-keys/rotate']);
  });

  it('shows a hub admin the sign-in rules but no key rotation when the server does not list it', async () => {
    renderPage({ hub: { readSecurity: true, updateSecurity: true }, talent: { read: true, editCatalogue: true } }, ['hub_admin']);
    await screen.findByText('capabilities loaded', undefined, loading);
    expect(await screen.findByRole('heading', { name: words['zh-CN'].rules }, loading)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: words['zh-CN'].title })).toBeNull();
    expect(screen.queryByRole('button', { name: /更换人才卡签名密钥/ })).toBeNull();
  });
});

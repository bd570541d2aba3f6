import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capabilitiesWith, loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { testHub } from '../../test/hub';
import { renderInApp } from '../../test/render';
import { HubLayout } from '../hubs/hub-layout';
import { PageLoadBoundary } from './page-load-boundary';
import { PublicLayout } from './public-layout';

const me = {
  user: { id: '01a2373f-0000-7000-8000-0000000000b1', email: 'officer@hangzhou.demo', name: 'Program Officer', emailVerified: true },
  operator: false,
  hubs: [{ slug: 'hangzhou', roles: ['program_officer'] }],
  organizations: [],
};

/** A page that meets a field it did not expect. */
function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'zh')");
}

function serve() {
  fakeServer(({ path }) => {
    if (path === '/api/me') return { status: 200, body: me };
    if (path === '/api/hubs/hangzhou') return { status: 200, body: testHub() };
    if (path === '/api/hubs/hangzhou/capabilities') return { status: 200, body: { ...capabilitiesWith({}), sections: ['programs'] } };
    if (path.startsWith('/api/hubs/hangzhou/notifications')) return { status: 200, body: { items: [], next: null, unread: 0 } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } };
  });
}

const words = {
  'zh-CN': { title: '此页面无法显示。', reload: '重新加载', back: '返回枢纽首页', home: '返回首页', hub: '杭州' },
  'en-US': { title: 'This page could not be shown.', reload: 'Reload', back: 'Back to the hub', home: 'Back to home', hub: 'Hangzhou' },
} as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a page that fails while rendering', () => {
  it.each(['zh-CN', 'en-US'] as const)('says so in its place, with a reload and a way back; the hub header stays (%s)', async (locale) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    serve();
    renderInApp(
      <Routes>
        <Route path="hubs/:hub" element={<HubLayout />}>
          <Route path="programs" element={<Broken />} />
        </Route>
      </Routes>,
      { locale, path: '/hubs/hangzhou/programs' },
    );
    const w = words[locale];
    const heading = await screen.findByRole('heading', { level: 1, name: w.title }, loading);
    expect(heading).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByText(w.hub)).toBeTruthy();
    expect(screen.getByRole('button', { name: new RegExp(w.reload.split('').join('\\s?')) })).toBeTruthy();
    expect(screen.getByRole('link', { name: w.back }).getAttribute('href')).toBe('/hubs/hangzhou/programs');
    // No developer text: neither the error's message nor its stack.
    expect(document.body.textContent).not.toMatch(/Cannot read|TypeError|reading 'zh'|at Broken/);
  });

  it.each(['zh-CN', 'en-US'] as const)('outside a hub too: the header stays and the way back is home (%s)', async (locale) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    serve();
    renderInApp(
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<Broken />} />
        </Route>
      </Routes>,
      { locale, path: '/' },
    );
    const w = words[locale];
    expect(await screen.findByRole('heading', { level: 1, name: w.title }, loading)).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('link', { name: w.home }).getAttribute('href')).toBe('/');
    expect(document.body.textContent).not.toMatch(/Cannot read|TypeError/);
  });

  it('leaves a page whose code is gone to PageLoadBoundary (it reloads for the new build)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    serve();
    function Stale(): never {
      throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:3000/assets/open.page-CCbOsVy9.js');
    }
    sessionStorage.setItem('dragongate.reloadedForNewBuild', String(Date.now()));
    renderInApp(
      <PageLoadBoundary page="/">
        <Routes>
          <Route element={<PublicLayout />}>
            <Route index element={<Stale />} />
          </Route>
        </Routes>
      </PageLoadBoundary>,
      { path: '/' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: '页面没能加载。' }, loading)).toBeTruthy();
    expect(screen.queryByText('此页面无法显示。')).toBeNull();
    sessionStorage.clear();
  });
});

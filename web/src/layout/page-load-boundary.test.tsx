import { screen } from '@testing-library/react';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { isStaleCodeError, reloadForNewBuild } from './new-build';
import { PageLoadBoundary } from './page-load-boundary';

const chromium = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:3000/assets/open.page-CCbOsVy9.js');
const safari = new TypeError('Importing a module script failed.');

/** A page whose code fails to load with `error`. */
const pageFailingWith = (error: Error) => lazy(() => Promise.reject(error));

class Outer extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  render() {
    return this.state.error ? <p>outer caught: {this.state.error}</p> : this.props.children;
  }
}

function renderFailing(error: Error, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const Page = pageFailingWith(error);
  return renderInApp(
    <Outer>
      <PageLoadBoundary page="/hubs/hangzhou/open">
        <Suspense fallback={null}>
          <Page />
        </Suspense>
      </PageLoadBoundary>
    </Outer>,
    { locale },
  );
}

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('a page whose code is gone (a new build deployed since the tab opened)', () => {
  it('is recognised by the browsers’ messages, and nothing else is', () => {
    expect(isStaleCodeError(chromium)).toBe(true);
    expect(isStaleCodeError(safari)).toBe(true);
    expect(isStaleCodeError(new TypeError('error loading dynamically imported module: /assets/x.js'))).toBe(true);
    expect(isStaleCodeError(new TypeError('Cannot read properties of undefined'))).toBe(false);
  });

  it('reloads the page once, then not again within 30 seconds', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const reload = vi.fn();
    expect(reloadForNewBuild(storage, 1_000_000, reload)).toBe(true);
    expect(reloadForNewBuild(storage, 1_010_000, reload)).toBe(false);
    expect(reload).toHaveBeenCalledOnce();
    expect(reloadForNewBuild(storage, 1_031_000, reload)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['zh-CN', '页面没能加载。', '重新加载'],
    ['en-US', 'The page could not be loaded.', 'Reload'],
  ] as const)('says so with a reload button, never a blank page (%s)', async (locale, title, reload) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sessionStorage.setItem('dragongate.reloadedForNewBuild', String(Date.now())); // reloaded a moment ago: no second reload
    renderFailing(chromium, locale);
    expect((await screen.findAllByRole('heading', { level: 1 })).map((h) => h.textContent)).toEqual([title]);
    expect(screen.getByRole('button', { name: reload })).toBeTruthy();
  });

  it('asks for the new build the first time (the reload is recorded)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderFailing(safari);
    await screen.findByText('页面没能加载。');
    expect(Number(sessionStorage.getItem('dragongate.reloadedForNewBuild'))).toBeGreaterThan(0);
  });

  it('leaves any other error to the boundaries above it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderFailing(new Error('a bug in the page'));
    expect(await screen.findByText('outer caught: a bug in the page')).toBeTruthy();
    expect(screen.queryByText('页面没能加载。')).toBeNull();
  });
});

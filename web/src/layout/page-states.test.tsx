import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../api/api-request-error';
import { renderInApp } from '../../test/render';
import { NotFoundPage, PageError, PartError } from './page-states';

const words = {
  'zh-CN': { gone: '找不到该内容。', page: '找不到该页面。', hub: '返回枢纽首页', all: '全部枢纽', home: '返回首页', retry: /^重\s?试$/ },
  'en-US': { gone: 'Not found.', page: 'This page does not exist.', hub: 'Back to the hub', all: 'All hubs', home: 'Back to home', retry: 'Try again' },
} as const;

const failure = (status: number, code: string) => new ApiRequestError({ status, code, message: code });

/** `ui` as a page under /hubs/:hub (or outside hubs), at `path`. */
function renderAt(ui: ReactElement, path: string, locale: keyof typeof words) {
  return renderInApp(
    <Routes>
      <Route path="hubs/:hub/*" element={ui} />
      <Route path="*" element={ui} />
    </Routes>,
    { locale, path },
  );
}

const hrefOf = (name: string | RegExp) => screen.getByRole('button', { name }).closest('a')?.getAttribute('href');

describe('PageError and NotFoundPage', () => {
  it.each(['zh-CN', 'en-US'] as const)('shows a 404 as not found: one h1, back to the hub or all hubs, no retry (%s)', (locale) => {
    const w = words[locale];
    renderAt(<PageError error={failure(404, 'NOT_FOUND')} onRetry={() => undefined} />, '/hubs/hangzhou/programs/00000000-0000-0000-0000-000000000000', locale);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([w.gone]);
    expect(screen.queryByRole('button', { name: w.retry })).toBeNull();
    expect(hrefOf(w.hub)).toBe('/hubs/hangzhou/programs');
    expect(hrefOf(w.all)).toBe('/');
  });

  it.each(['zh-CN', 'en-US'] as const)('offers a retry where trying again can help: no answer, a server failure (%s)', async (locale) => {
    const onRetry = vi.fn();
    const { unmount } = renderAt(<PageError error={failure(0, 'NETWORK')} onRetry={onRetry} />, '/hubs/hangzhou/programs', locale);
    await userEvent.click(screen.getByRole('button', { name: words[locale].retry }));
    expect(onRetry).toHaveBeenCalledOnce();
    unmount();
    renderAt(<PageError error={failure(503, 'INTERNAL')} onRetry={onRetry} />, '/hubs/hangzhou/programs', locale);
    expect(screen.getByRole('button', { name: words[locale].retry })).toBeTruthy();
  });

  it.each([
    ['zh-CN', 503, 'INTERNAL'],
    ['en-US', 0, 'NETWORK'],
    ['zh-CN', 403, 'FORBIDDEN'],
  ] as const)('gives a failed page load its one h1, the failure in words (%s, %s)', (locale, status, code) => {
    renderAt(<PageError error={failure(status, code)} onRetry={() => undefined} />, '/hubs/hangzhou/programs', locale);
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]!.textContent).not.toBe('');
    expect(headings[0]!.textContent).not.toContain(code);
  });

  it('offers no retry for a refusal, which trying again does not change', () => {
    renderAt(<PageError error={failure(403, 'FORBIDDEN')} onRetry={() => undefined} />, '/hubs/hangzhou/budget', 'zh-CN');
    expect(screen.getByText('您没有执行此操作的权限。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: words['zh-CN'].retry })).toBeNull();
  });

  it.each(['zh-CN', 'en-US'] as const)('outside a hub, an unknown page has its h1 and leads home (%s)', (locale) => {
    const w = words[locale];
    renderAt(<NotFoundPage />, '/nope', locale);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([w.page]);
    expect(hrefOf(w.home)).toBe('/');
    expect(screen.queryByRole('button', { name: w.hub })).toBeNull();
  });

  it('for an unknown hub leads to all hubs only, never into the hub that is not there', () => {
    renderAt(<NotFoundPage title="找不到该枢纽。" hubHome={false} />, '/hubs/nohub/programs', 'zh-CN');
    expect(screen.getByRole('heading', { level: 1, name: '找不到该枢纽。' })).toBeTruthy();
    expect(hrefOf(words['zh-CN'].home)).toBe('/');
    expect(screen.queryByRole('button', { name: words['zh-CN'].hub })).toBeNull();
  });
});

describe('PartError', () => {
  it.each(['zh-CN', 'en-US'] as const)('shows a part that is gone as a line, never a second h1 or a way out (%s)', (locale) => {
    const w = words[locale];
    renderAt(
      <main>
        <h1>Page</h1>
        <PartError error={failure(404, 'NOT_FOUND')} onRetry={() => undefined} />
      </main>,
      '/hubs/hangzhou/programs/x',
      locale,
    );
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Page']);
    expect(screen.getByRole('alert').textContent).toContain(w.gone);
    expect(screen.queryByRole('button', { name: w.hub })).toBeNull();
    expect(screen.queryByRole('button', { name: w.retry })).toBeNull();
  });

  it.each(['zh-CN', 'en-US'] as const)('offers a retry only where trying again can help (%s)', async (locale) => {
    const onRetry = vi.fn();
    const { unmount } = renderAt(<PartError error={failure(503, 'INTERNAL')} onRetry={onRetry} />, '/hubs/hangzhou/programs', locale);
    await userEvent.click(screen.getByRole('button', { name: words[locale].retry }));
    expect(onRetry).toHaveBeenCalledOnce();
    unmount();
    renderAt(<PartError error={failure(403, 'FORBIDDEN')} onRetry={onRetry} />, '/hubs/hangzhou/programs', locale);
    expect(screen.queryByRole('button', { name: words[locale].retry })).toBeNull();
  });
});

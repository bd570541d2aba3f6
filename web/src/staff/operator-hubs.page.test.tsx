import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../contracts/auth';
import type { Hub } from '../../../contracts/hubs';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OperatorHubsPage } from './operator-hubs.page';

const operator: Me = {
  user: { id: '01a2373f-0000-7000-8000-000000000110', email: 'ops@dragongate.demo', name: 'Ops', emailVerified: true },
  operator: true,
  hubs: [],
  organizations: [],
};
const hub = (slug: string, zh: string, en: string, archived: boolean) =>
  ({
    slug,
    name: { zh, en },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    defaultLocale: 'zh-CN',
    fiscalYearStartMonth: 1,
    workingDays: [1, 2, 3, 4, 5],
    holidays: [],
    makeUpWorkdays: [],
    code: slug.slice(0, 2).toUpperCase(),
    techShareDefaultBasisPoints: 0,
    openDataPrefix: null,
    districts: [],
    archived,
  }) as unknown as Hub;
const hubs = [hub('suzhou', '苏州', 'Suzhou', false), hub('wuxi', '无锡', 'Wuxi', true)];

function renderPage(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: 'zh-CN' | 'en-US' = 'en-US') {
  const seen = fakeServer((request) => {
    if (request.path === '/api/me') return { status: 200, body: operator };
    if (request.method !== 'GET') return write(request);
    if (request.path.startsWith('/api/hubs')) return { status: 200, body: { items: hubs, next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(<OperatorHubsPage />, { locale });
  return () => seen.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path]);
}
const rowOf = async (name: string) => (await screen.findByRole('link', { name }, loading)).closest('tr') as HTMLElement;

describe('OperatorHubsPage: archiving and reopening hubs, on the one form pattern', () => {
  it('archives only once confirmed; reopens at once', async () => {
    const writes = renderPage(() => ({ status: 204 }));
    const suzhou = await rowOf('Suzhou');
    await userEvent.click(within(suzhou).getByRole('button', { name: 'Archive' }));
    expect(writes()).toEqual([]);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Archive' }));
    await vi.waitFor(() => expect(writes()).toEqual([['POST', '/api/hubs/suzhou/archive']]));
    await userEvent.click(within(await rowOf('Wuxi')).getByRole('button', { name: 'Reopen' }));
    await vi.waitFor(() =>
      expect(writes()).toEqual([
        ['POST', '/api/hubs/suzhou/archive'],
        ['DELETE', '/api/hubs/wuxi/archive'],
      ]),
    );
  });

  it.each([
    ['zh-CN', '无锡', /^重新开放$/, '您没有执行此操作的权限。'],
    ['en-US', 'Wuxi', /^Reopen$/, 'You are not allowed to do this.'],
  ] as const)('shows a refusal in that hub’s row (%s)', async (locale, name, reopen, text) => {
    renderPage(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } }), locale);
    const row = await rowOf(name);
    await userEvent.click(within(row).getByRole('button', { name: reopen }));
    await vi.waitFor(() => expect(within(row).getByRole('alert').textContent).toContain(text));
  });
});

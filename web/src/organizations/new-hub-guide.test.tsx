import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { capabilitiesWith, fakeServerWith, loading, type Grants } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { OrganizationsListPage } from './organizations-list.page';

const words = {
  'zh-CN': { title: '从这里开始', staff: '邀请工作人员', empty: '还没有符合条件的机构。' },
  'en-US': { title: 'Where to start', staff: 'Invite your staff', empty: 'No organisations match yet.' },
} as const;

function renderList(locale: keyof typeof words, grants: Grants, path = '/hubs/hangzhou/organizations') {
  fakeServerWith(capabilitiesWith(grants), (r) =>
    r.path.startsWith('/api/hubs/hangzhou/organizations?') ? { status: 200, body: { items: [], next: null } } : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/organizations" element={<OrganizationsListPage />} />
    </Routes>,
    { locale, path },
  );
}

describe.each(['zh-CN', 'en-US'] as const)('a new hub’s first page (%s)', (locale) => {
  const w = words[locale];

  it('tells its admin where to start, each step a link to its page', async () => {
    renderList(locale, { hub: { updateSettings: true }, organizations: { create: true } });
    expect(await screen.findByRole('heading', { name: w.title }, loading)).toBeTruthy();
    expect(screen.getByRole('link', { name: w.staff }).getAttribute('href')).toBe('/hubs/hangzhou/staff');
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });

  it('says nothing of it to whoever does not run the hub', async () => {
    renderList(locale, { organizations: { create: true } });
    await screen.findByText(w.empty, undefined, loading);
    expect(screen.queryByRole('heading', { name: w.title })).toBeNull();
  });

  it('leaves it out of a search that finds nothing', async () => {
    renderList(locale, { hub: { updateSettings: true } }, '/hubs/hangzhou/organizations?q=nothing');
    await screen.findByText(w.empty, undefined, loading);
    expect(screen.queryByRole('heading', { name: w.title })).toBeNull();
  });
});

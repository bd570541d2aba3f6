import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { SearchPage } from './search.page';

const results = {
  organizations: [{ id: '01a2373f-0000-7000-8000-000000000002', kind: 'startup', name: { zh: '云深处科技', en: 'DEEP Robotics' }, sectors: [] }],
  people: [{ id: '01a2373f-0000-7000-8000-000000000001', name: { zh: '王兴兴', en: 'Wang Xingxing' }, roles: ['founder'] }],
};

function renderSearch(grants: Grants, roles: HubRole[]) {
  fakeServerWith(capabilitiesWith(grants, roles), ({ path }) => (path.startsWith('/api/hubs/hangzhou/search') ? { status: 200, body: results } : undefined));
  renderInApp(
    <Routes>
      <Route
        path="/hubs/:hub/search"
        element={
          <>
            <SearchPage />
            <CapabilitiesLoaded hub="hangzhou" />
          </>
        }
      />
    </Routes>,
    { path: '/hubs/hangzhou/search?q=王' },
  );
}

describe('SearchPage (follows the server’s capabilities, not roles)', () => {
  it('lists people beside organisations for whoever may read people', async () => {
    renderSearch({ people: { read: true } }, []);
    expect(await screen.findByText('人员（1）', undefined, loading)).toBeTruthy();
    expect(screen.getByText('王兴兴')).toBeTruthy();
  });

  it('lists only organisations for someone the server does not let read people, whatever their roles', async () => {
    renderSearch({ staff: { read: true } }, ['hub_admin']);
    await screen.findByText('capabilities loaded', undefined, loading);
    expect(await screen.findByText('云深处科技', undefined, loading)).toBeTruthy();
    expect(screen.queryByText('人员（1）')).toBeNull();
    expect(screen.queryByText('王兴兴')).toBeNull();
  });
});

import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { StationDeskPage } from './station-desk.page';

/** The desk of someone who runs no station yet, with what the server says they may do. */
function renderDesk(grants: Grants, roles: HubRole[]) {
  fakeServerWith(capabilitiesWith(grants, roles), ({ path }) =>
    path.startsWith('/api/hubs/hangzhou/stays/stations') ? { status: 200, body: { items: [], next: null } } : undefined,
  );
  renderInApp(
    <Routes>
      <Route
        path="/hubs/:hub/station-desk"
        element={
          <>
            <StationDeskPage />
            <CapabilitiesLoaded hub="hangzhou" />
          </>
        }
      />
    </Routes>,
    { path: '/hubs/hangzhou/station-desk' },
  );
}

describe('StationDeskPage (follows the server’s capabilities, not roles)', () => {
  it('offers to open stations when the server lists stations.open, whatever the roles say', async () => {
    renderDesk({ stations: { run: true, open: true } }, []);
    expect(await screen.findByText('本枢纽的驿站', undefined, loading)).toBeTruthy();
    expect(screen.getByRole('button', { name: /新建驿站/ })).toBeTruthy();
  });

  it('shows a hub admin whom the server does not let open stations only that they run none', async () => {
    renderDesk({ stations: { run: true }, staff: { read: true, invite: true, manage: true } }, ['hub_admin']);
    await screen.findByText('capabilities loaded', undefined, loading);
    expect(await screen.findByText('您尚未负责任何驿站；枢纽管理员可以将您添加为负责人。', undefined, loading)).toBeTruthy();
    expect(screen.queryByText('本枢纽的驿站')).toBeNull();
    expect(screen.queryByRole('button', { name: /新建驿站/ })).toBeNull();
  });
});

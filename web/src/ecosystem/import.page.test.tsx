import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import { capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { ImportPage } from './import.page';

function renderImport(grants: Grants, roles: HubRole[]) {
  fakeServerWith(capabilitiesWith(grants, roles));
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/import" element={<ImportPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/import' },
  );
}

describe('ImportPage (follows the server’s capabilities, not roles)', () => {
  it('opens for whoever the server lets import', async () => {
    renderImport({ organizations: { import: true } }, []);
    expect(await screen.findByRole('heading', { name: '导入与导出', level: 1 }, loading)).toBeTruthy();
    expect(screen.queryByText('只有枢纽管理员和项目专员可以导入数据。')).toBeNull();
  });

  it('is closed to someone the server does not let import, whatever their roles', async () => {
    renderImport({ organizations: { export: true }, people: { read: true, create: true } }, ['program_officer']);
    expect(await screen.findByText('只有枢纽管理员和项目专员可以导入数据。', undefined, loading)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '导入与导出', level: 1 })).toBeNull();
  });
});

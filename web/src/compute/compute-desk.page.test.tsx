import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { ComputeDeskPage } from './compute-desk.page';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

function renderDesk(grants: Grants, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  fakeServerWith(capabilitiesWith(grants, ['compute_operator']));
  renderInApp(
    <Routes>
      <Route
        path="/hubs/:hub/compute-desk"
        element={
          <>
            <CapabilitiesLoaded hub="hangzhou" />
            <ComputeDeskPage />
          </>
        }
      />
    </Routes>,
    { path: '/hubs/hangzhou/compute-desk', locale },
  );
}

const writes = {
  'zh-CN': { pool: '添加算力池', quota: '设置配额', upload: '上传用量文件' },
  'en-US': { pool: 'Add a pool', quota: 'Set a quota', upload: 'Upload a usage file' },
} as const;

describe('ComputeDeskPage (follows the server’s capabilities, not roles)', () => {
  it.each(['zh-CN', 'en-US'] as const)('gives one who may only read (the hub’s auditor) no pool, quota or usage upload (%s)', async (locale) => {
    renderDesk({}, locale);
    await screen.findByText('capabilities loaded', undefined, loading);
    const w = writes[locale];
    expect(screen.queryByRole('button', { name: w.pool })).toBeNull();
    expect(screen.queryByRole('button', { name: w.quota })).toBeNull();
    expect(screen.queryByText(w.upload)).toBeNull();
  });

  it('shows each to whom the server lists it, and only that', async () => {
    renderDesk({ compute: { manage: true } });
    await screen.findByText('capabilities loaded', undefined, loading);
    expect(screen.getByRole('button', { name: writes['zh-CN'].pool })).toBeTruthy();
    expect(screen.getByRole('button', { name: writes['zh-CN'].quota })).toBeTruthy();
    expect(screen.queryByText(writes['zh-CN'].upload)).toBeNull();
  });

  it('offers the usage upload to whom the server lets report usage', async () => {
    renderDesk({ compute: { reportUsage: true } });
    expect(await screen.findByText(writes['zh-CN'].upload, undefined, loading)).toBeTruthy();
    expect(screen.queryByRole('button', { name: writes['zh-CN'].pool })).toBeNull();
  });
});

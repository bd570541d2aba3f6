import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import type { SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ComputeDeskPage } from './compute-desk.page';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const org = { id: '01a2373f-0000-7000-8000-0000000000c1', name: { zh: '钱塘具身智能', en: 'Qiantang Embodied AI' } };
/** The desk's reads: a week's half-life and one company's standing, and one metered record of 30 GPU-hours. */
function deskData(request: SeenRequest) {
  if (request.path.includes('/compute/fair-share'))
    return {
      status: 200,
      body: {
        halfLifeHours: 168,
        items: [
          { organization: org, cohort: 'startups', weight: 1, dominantShare: 0.015, decayedGpuHours: 1200, entitlementGpus: 8, gpusInUse: 0, pending: 0 },
        ],
      },
    };
  if (request.path.includes('/compute/usage'))
    return {
      status: 200,
      body: {
        items: [
          {
            id: '01a2373f-0000-7000-8000-0000000000c2',
            recordId: 'rec-1',
            requestReference: 'CR-7K3Q',
            organization: org,
            flavor: { id: '01a2373f-0000-7000-8000-0000000000c3', model: 'H20' },
            gpuHours: '30.000',
            startedAt: '2026-12-03T08:00:00.000Z',
            endedAt: '2026-12-03T11:00:00.000Z',
            cost: '600000',
            voucherPaid: '0',
            corrects: null,
          },
        ],
        next: null,
      },
    };
  return undefined;
}

function renderDesk(grants: Grants, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  fakeServerWith(capabilitiesWith(grants, ['compute_operator']), deskData);
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

describe('ComputeDeskPage: what an operator reads', () => {
  it.each([
    ['zh-CN', '公平份额：各企业近期 GPU 用量', 'GPU 不够用时，近期用得少的企业先排上（排在上面的先得）；越早的用量算得越少，每 7 天减半。'],
    [
      'en-US',
      'Fair share: recent GPU use by company',
      'When GPUs are short, the company that used least lately goes first (top of the list first); older use counts for less, halving every 7 days.',
    ],
  ] as const)('the fair share in plain words, and metered hours without trailing zeros (%s)', async (locale, title, help) => {
    renderDesk({}, locale);
    expect(await screen.findByText(help, undefined, loading)).toBeTruthy();
    expect(screen.getAllByText(title).length).toBeGreaterThan(0);
    const row = (await screen.findByText('rec-1')).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toContain('30');
    expect(row.textContent).not.toContain('30.000');
  });
});

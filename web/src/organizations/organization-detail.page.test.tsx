import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OrganizationDetailPage } from './organization-detail.page';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const id = '01a2373f-0000-7000-8000-0000000000e1';
const detail = {
  id,
  hub: 'hangzhou',
  kind: 'startup',
  name: { zh: '钱塘具身智能', en: 'Qiantang Embodied AI' },
  uscc: '91330100N9T79LD713',
  foundedOn: '2025-03-01',
  sectors: [],
  headcount: null,
  website: null,
  district: null,
  createdAt: '2026-12-06T12:35:00.000Z',
  updatedAt: '2026-12-06T12:35:00.000Z',
  members: [],
  allowedActions: [],
};
const fact = (n: number, asOf: string, quantity: string) => ({
  id: `01a2373f-0000-7000-8000-0000000000f${n}`,
  organizationId: id,
  metric: 'headcount',
  asOf,
  money: null,
  quantity,
  label: null,
  source: { url: null, note: '年报' },
});
const facts = { items: [fact(1, '2026-06-30', '40'), fact(2, '2025-12-31', '25')], next: null };
const graph = {
  center: id,
  nodes: [
    { id, type: 'organization', name: detail.name, kind: 'startup', dragon: true },
    { id: '01a2373f-0000-7000-8000-0000000000e2', type: 'organization', name: { zh: '西溪天使基金', en: 'Xixi Angel Fund' }, kind: 'investor', dragon: false },
  ],
  edges: [
    {
      id: '01a2373f-0000-7000-8000-0000000000e3',
      kind: 'invested_in',
      from: '01a2373f-0000-7000-8000-0000000000e2',
      to: id,
      startsOn: '2025-06-01',
      title: null,
    },
  ],
};

function openPage(locale: 'zh-CN' | 'en-US') {
  fakeServer(({ path }) =>
    path === `/api/hubs/hangzhou/organizations/${id}`
      ? { status: 200, body: detail }
      : path.startsWith(`/api/hubs/hangzhou/organizations/${id}/graph`)
        ? { status: 200, body: graph }
        : path.startsWith(`/api/hubs/hangzhou/organizations/${id}/facts`)
          ? { status: 200, body: facts }
          : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/organizations/:id" element={<OrganizationDetailPage />} />
    </Routes>,
    { locale, path: `/hubs/hangzhou/organizations/${id}` },
  );
}

/** A phone's width for antd's breakpoints (below `sm`). */
const onPhone = () =>
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    return { matches: min ? 390 >= Number(min[1]) : false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} };
  });

describe('OrganizationDetailPage', () => {
  it('writes the founding day and a tie’s first day as the rest of the page does, in Chinese', async () => {
    openPage('zh-CN');
    expect(await screen.findByText('2025年3月1日')).toBeTruthy();
    expect(await screen.findByText(/始于 2025年6月1日/)).toBeTruthy();
    expect(screen.getByText(/钱塘具身智能（小龙）/)).toBeTruthy();
    expect(await screen.findByText(/截至 2026年6月30日/)).toBeTruthy();
    expect(screen.getByText(/2025年12月31日：25/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('writes the days in English', async () => {
    openPage('en-US');
    expect(await screen.findByText('Mar 1, 2025')).toBeTruthy();
    expect(await screen.findByText(/since Jun 1, 2025/)).toBeTruthy();
    expect(screen.getByText(/Qiantang Embodied AI \(dragon\)/)).toBeTruthy();
    expect(await screen.findByText(/as of Jun 30, 2026/)).toBeTruthy();
    expect(screen.getByText(/Dec 31, 2025: 25/)).toBeTruthy();
  });

  it('keeps the USCC on one line, its label above it on a phone', async () => {
    onPhone();
    openPage('zh-CN');
    const uscc = await screen.findByText('91330100N9T79LD713');
    expect(uscc.closest('[style*="nowrap"]')).toBeTruthy();
    expect(document.querySelector('.ant-descriptions-row > th.ant-descriptions-item-label + td')).toBeNull();
  });
});

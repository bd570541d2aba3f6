import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { SpaceDeskPage } from './space-desk.page';

// The chart as its label, its months and its area axis (the test's DOM has no canvas to draw on).
type Option = { xAxis: { data: string[] }; yAxis: { axisLabel: { formatter: (v: number) => string } } };
vi.mock('../ecosystem/echart', () => ({
  EChart: ({ label, option }: { label: string; option: Option }) => (
    <div role="img" aria-label={label} data-x={option.xAxis.data.join('|')} data-y={option.yAxis.axisLabel.formatter(2400)} />
  ),
}));

const organization = { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '强脑科技', en: 'BrainCo' } };
const node = { id: '0190a0b0-0000-7000-8000-0000000000c1', code: 'DT-A-201', kind: 'unit', areaM2: 430.5, name: { zh: '201 室', en: 'Room 201' }, photos: [] };
const lease = (id: string, ref: string, startsOn: string, endsOn: string) => ({
  id,
  ref,
  organization,
  nodes: [node],
  startsOn,
  endsOn,
  status: 'active',
  endedOn: null,
  endReason: null,
  noticeDays: 90,
  staff: null,
  areaM2: 430.5,
  steps: [{ startsOn, endsOn, monthlyRent: '3794500', tenantShare: '350500', subsidyShare: '3444000' }],
  subsidy: null,
  replacesId: null,
  fromHoldId: null,
  renewsId: null,
});
// One lease began long ago, one starts in a year no test machine has reached.
const running = lease('0190a0b0-0000-7000-8000-0000000000f1', 'L-RUN', '2025-01-01', '2027-01-01');
const future = lease('0190a0b0-0000-7000-8000-0000000000f2', 'L-NEXT', '2099-01-01', '2101-01-01');
const occupancy = {
  months: ['2026-12-01', '2027-01-01'],
  series: [],
  subsidy: [{ organization, paid: '41328000', areaM2: 430.5, perM2: '8000' }],
  expiring: [
    {
      kind: 'hold',
      id: '0190a0b0-0000-7000-8000-0000000000e1',
      ref: 'H-9',
      organization: { id: '0190a0b0-0000-7000-8000-0000000000ab', name: { zh: '云深处科技', en: 'DEEP Robotics' } },
      endsOn: '2027-03-31',
    },
  ],
};

function renderDesk(locale: 'zh-CN' | 'en-US') {
  fakeServerWith(capabilitiesWith({ spaces: { operate: true } }, []), ({ path }) =>
    path.startsWith('/api/hubs/hangzhou/spaces/leases')
      ? { status: 200, body: { items: [running, future], next: null } }
      : path.startsWith('/api/hubs/hangzhou/spaces/occupancy')
        ? { status: 200, body: occupancy }
        : path.startsWith('/api/hubs/hangzhou/spaces/')
          ? { status: 200, body: { items: [], next: null } }
          : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/space-desk" element={<SpaceDeskPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/space-desk', locale },
  );
}
const leaseCard = async (ref: string) => (await screen.findByText(new RegExp(`^${ref} ·`), undefined, loading)).closest('[data-testid="lease"]') as HTMLElement;
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s+/g, ' ');

const words = {
  'zh-CN': {
    pays: '企业承担 3,505元',
    notYou: '您',
    active: '生效中',
    notStarted: '未开始 · 2099年1月1日 起',
    subsidy: '强脑科技 · 41.328万元 · 平均每平方米每月 80元',
  },
  'en-US': {
    pays: 'The company pays CNY 3,505',
    notYou: 'You pay',
    active: 'Active',
    notStarted: 'Starts Jan 1, 2099',
    subsidy: 'BrainCo · CNY 413,280 · average per m² a month CNY 80',
  },
} as const;

describe('SpaceDeskPage: leases and subsidy as the operator reads them', () => {
  it.each(['zh-CN', 'en-US'] as const)('says the company pays its share, not “you” (%s)', async (locale) => {
    renderDesk(locale);
    const card = await leaseCard('L-RUN');
    expect(text(card)).toContain(words[locale].pays);
    expect(text(card)).not.toContain(words[locale].notYou);
  });

  it.each(['zh-CN', 'en-US'] as const)('a lease whose first day is after the hub’s today has not started yet, and says when it starts (%s)', async (locale) => {
    renderDesk(locale);
    expect(within(await leaseCard('L-NEXT')).getByText(words[locale].notStarted)).toBeTruthy();
    expect(within(await leaseCard('L-NEXT')).queryByText(words[locale].active)).toBeNull();
    expect(within(await leaseCard('L-RUN')).getByText(words[locale].active)).toBeTruthy();
  });

  it.each([
    ['zh-CN', '2025年1月1日至2027年1月1日', '430.5 平方米'],
    ['en-US', 'Jan 1, 2025 – Jan 1, 2027', '430.5 m²'],
  ] as const)('writes a lease’s term, its rent steps’ days and its area the reader’s way, never as ISO days (%s)', async (locale, term, area) => {
    renderDesk(locale);
    const card = await leaseCard('L-RUN');
    expect(within(card).getAllByText(term)).toHaveLength(2);
    expect(within(card).getByText(area)).toBeTruthy();
    expect(text(card)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.each([
    ['zh-CN', '出租、保留与空置面积（平方米）', '2026年12月|2027年1月', '2,400 平方米'],
    ['en-US', 'Leased, held and vacant m²', 'Dec 2026|Jan 2027', '2,400 m²'],
  ] as const)('names the occupancy chart’s months and areas the reader’s way (%s)', async (locale, name, months, area) => {
    renderDesk(locale);
    const chart = await screen.findByRole('img', { name }, loading);
    expect(chart.getAttribute('data-x')).toBe(months);
    expect(chart.getAttribute('data-y')).toBe(area);
  });

  it.each([
    ['zh-CN', '2027年3月31日 · H-9 · 云深处科技'],
    ['en-US', 'Mar 31, 2027 · H-9 · DEEP Robotics'],
  ] as const)('names the day what expires ends the reader’s way (%s)', async (locale, words) => {
    renderDesk(locale);
    expect(await screen.findByText(words, { exact: false }, loading)).toBeTruthy();
  });

  it.each(['zh-CN', 'en-US'] as const)('says the subsidy paid per company and what its per-m² figure is per (%s)', async (locale) => {
    renderDesk(locale);
    const item = await screen.findByText(organization.name[locale === 'zh-CN' ? 'zh' : 'en'], { exact: false }, loading);
    await vi.waitFor(() => expect(text(item.closest('li') ?? item)).toContain(words[locale].subsidy));
  });
});

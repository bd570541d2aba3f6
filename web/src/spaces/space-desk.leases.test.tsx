import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { SpaceDeskPage } from './space-desk.page';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

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
  months: [],
  series: [],
  subsidy: [{ organization, paid: '41328000', areaM2: 430.5, perM2: '8000' }],
  expiring: [],
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

  it.each(['zh-CN', 'en-US'] as const)('says the subsidy paid per company and what its per-m² figure is per (%s)', async (locale) => {
    renderDesk(locale);
    const item = await screen.findByText(organization.name[locale === 'zh-CN' ? 'zh' : 'en'], { exact: false }, loading);
    await vi.waitFor(() => expect(text(item.closest('li') ?? item)).toContain(words[locale].subsidy));
  });
});

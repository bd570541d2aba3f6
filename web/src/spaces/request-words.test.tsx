import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SpacesPage } from './spaces.page';

const organization = { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } };
const request = {
  id: '0190a0b0-0000-7000-8000-0000000000d1',
  ref: 'R-1',
  organization,
  areaM2: 100,
  seats: 10,
  startsOn: '2027-01-01',
  months: 36,
  features: [],
  parkId: null,
  status: 'waiting',
  position: 1,
  offer: null,
  leaseId: null,
  createdAt: '2026-12-01T00:00:00.000Z',
};
const unit = {
  id: '0190a0b0-0000-7000-8000-0000000000c1',
  code: 'DT-A-102',
  name: { zh: '102 室', en: 'Room 102' },
  kind: 'unit',
  unitKind: 'office',
  areaM2: 60,
  seats: 6,
  listRent: '8000',
  photos: [],
};

/** The company's page with one waiting request and one free unit. */
function renderPage(locale: 'zh-CN' | 'en-US') {
  fakeServer(({ path }) =>
    path.startsWith('/api/hubs/hangzhou/spaces/requests')
      ? { status: 200, body: { items: [request], next: null } }
      : path.startsWith('/api/hubs/hangzhou/spaces/availability')
        ? { status: 200, body: { units: [unit] } }
        : path.startsWith('/api/hubs/hangzhou/spaces/leases')
          ? { status: 200, body: { items: [], next: null } }
          : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } },
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/spaces" element={<SpacesPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/spaces', locale },
  );
}

const words = {
  'zh-CN': { request: '100 m² · 10 个工位 · 2027年1月1日起，租期 36 个月', free: '办公室 · 60 m² · 6 个工位' },
  'en-US': { request: '100 m² · 10 seats · from Jan 1, 2027 for 36 months', free: 'Office · 60 m² · 6 seats' },
} as const;

describe('SpacesPage: a request and a free unit in plain words, as the operator reads them', () => {
  it.each(['zh-CN', 'en-US'] as const)('my request says seats and months as words, not form labels (%s)', async (locale) => {
    renderPage(locale);
    const item = await screen.findByTestId('space-request', undefined, loading);
    expect(within(item).getByText(words[locale].request)).toBeTruthy();
  });

  it.each(['zh-CN', 'en-US'] as const)('a free unit counts its seats in words (%s)', async (locale) => {
    renderPage(locale);
    const item = await screen.findByTestId('free-unit', undefined, loading);
    expect(within(item).getByText(words[locale].free, { exact: false })).toBeTruthy();
  });
});

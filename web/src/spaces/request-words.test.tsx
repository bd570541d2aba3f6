import { screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { formatDay } from '../i18n/format-date';
import { SpacesPage } from './spaces.page';

const organization = { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } };
const request = {
  id: '0190a0b0-0000-7000-8000-0000000000d1',
  ref: 'R-1',
  organization,
  areaM2: 1461,
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
  areaM2: 2400,
  seats: 6,
  listRent: '8000',
  photos: [],
};

/** The company's page with one waiting request and one free unit. */
function renderPage(locale: 'zh-CN' | 'en-US', listed: object = request) {
  fakeServer(({ path }) =>
    path.startsWith('/api/hubs/hangzhou/spaces/requests')
      ? { status: 200, body: { items: [listed], next: null } }
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
  'zh-CN': {
    request: '1,461 平方米 · 10 个工位 · 2027年1月1日起，租期 36 个月',
    free: '办公室 · 2,400 平方米 · 6 个工位',
    from: '自 {{day}} 起一年内空置的单元',
  },
  'en-US': {
    request: '1,461 m² · 10 seats · from Jan 1, 2027 for 36 months',
    free: 'Office · 2,400 m² · 6 seats',
    from: 'Units free for a year from {{day}}.',
  },
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

  it.each(['zh-CN', 'en-US'] as const)('says from which day units are free the reader’s way, not as an ISO day (%s)', async (locale) => {
    renderPage(locale);
    await screen.findByTestId('free-unit', undefined, loading);
    const day = formatDay(dayjs().add(1, 'month').startOf('month').format('YYYY-MM-DD'), locale);
    expect(screen.getByText(words[locale].from.replace('{{day}}', day), { exact: false })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.each([
    ['zh-CN', '已为您保留：DT-A-102 102 室，请在 2026年12月9日 16:19 前确认'],
    ['en-US', 'Held for you: DT-A-102 Room 102; accept before Dec 9, 2026, 4:19 PM'],
  ] as const)('says until when an offer is held as a moment people read (%s)', async (locale, text) => {
    const offer = {
      holdId: '0190a0b0-0000-7000-8000-0000000000b1',
      nodes: [unit],
      expiresAt: '2026-12-09T16:19:00.000Z',
      program: null,
      staff: null,
      terms: null,
    };
    renderPage(locale, { ...request, status: 'offered', position: null, offer });
    expect(await screen.findByText(text, undefined, loading)).toBeTruthy();
  });
});

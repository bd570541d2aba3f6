import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ObligationFinding } from '../../../contracts/obligations';
import { breachFinding } from './finding.fixture';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { FindingsPage } from './findings.page';

const words = {
  'zh-CN': { staffOnly: '资助后管理仅供本枢纽的工作人员使用。', hint: /“我的申请”中该项资助的页面上/, title: '资助后管理' },
  'en-US': { staffOnly: 'After the money is the hub staff’s desk.', hint: /each award’s page, under My applications/, title: 'After the money' },
} as const;

function renderAs(read: boolean, locale: 'zh-CN' | 'en-US', items: ObligationFinding[] = []) {
  const seen = fakeServerWith(capabilitiesWith({ obligations: { read } }), (r) =>
    r.path.startsWith('/api/hubs/hangzhou/obligation-findings') ? { status: 200, body: { items, next: null } } : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/obligations" element={<FindingsPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/obligations' },
  );
  return seen;
}

describe('the after-the-money desk', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'tells an awardee it is the staff’s and where their own reports are, without reading the hub’s findings (%s)',
    async (locale) => {
      const seen = renderAs(false, locale);
      const w = words[locale];
      expect((await screen.findAllByRole('heading', { level: 1 }, loading)).map((h) => h.textContent)).toEqual([w.staffOnly]);
      expect(screen.getByText(w.hint)).toBeTruthy();
      expect(screen.queryByRole('table')).toBeNull();
      expect(seen.some((r) => r.path.includes('obligation-findings'))).toBe(false);
    },
  );

  it.each(['zh-CN', 'en-US'] as const)('shows staff the findings (%s)', async (locale) => {
    renderAs(true, locale);
    expect(await screen.findByRole('heading', { level: 1, name: words[locale].title }, loading)).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it.each([
    ['zh-CN', { found: '2026年11月1日', period: '2026年3月1日至2029年3月1日', owed: '应于 2026年12月1日 前退回 1万元' }],
    ['en-US', { found: 'Nov 1, 2026', period: 'Mar 1, 2026 – Mar 1, 2029', owed: 'CNY 10,000 due by Dec 1, 2026' }],
  ] as const)('says each day in the page’s language, never as an ISO date (%s)', async (locale, days) => {
    renderAs(true, locale, [breachFinding]);
    const row = (await screen.findByText('OB-000007', undefined, loading)).closest('tr')!;
    for (const text of Object.values(days)) expect(within(row).getByText(text)).toBeTruthy();
    expect(row.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

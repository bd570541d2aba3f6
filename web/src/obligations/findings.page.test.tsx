import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { FindingsPage } from './findings.page';

const words = {
  'zh-CN': { staffOnly: '资助后管理仅供本枢纽的工作人员使用。', hint: /“我的申请”中该项资助的页面上/, title: '资助后管理' },
  'en-US': { staffOnly: 'After the money is the hub staff’s desk.', hint: /each award’s page, under My applications/, title: 'After the money' },
} as const;

function renderAs(read: boolean, locale: 'zh-CN' | 'en-US') {
  const seen = fakeServerWith(capabilitiesWith({ obligations: { read } }), (r) =>
    r.path.startsWith('/api/hubs/hangzhou/obligation-findings') ? { status: 200, body: { items: [], next: null } } : undefined,
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
});

import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import type { Person } from '../../../contracts/people';
import { capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { PeoplePage } from './people.page';

const person: Person = {
  id: '01a2373f-0000-7000-8000-000000000001',
  name: { zh: '王兴兴', en: 'Wang Xingxing' },
  roles: ['founder'],
  bornOn: '1990-01-01',
  talentTier: 'B',
  residentIdMasked: '330106********123X',
  createdAt: '2026-03-01T08:00:00.000Z',
};

function renderPeople(grants: Grants, roles: HubRole[], locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  fakeServerWith(capabilitiesWith(grants, roles), ({ path }) =>
    path.startsWith('/api/hubs/hangzhou/people') ? { status: 200, body: { items: [person], next: null } } : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/people" element={<PeoplePage />} />
    </Routes>,
    { path: '/hubs/hangzhou/people', locale },
  );
}

const row = async () => (await screen.findByText('王兴兴', undefined, loading)).closest('tr')!;

describe('PeoplePage (follows the server’s capabilities, not roles)', () => {
  it('gives someone who may only read the register no add, catalogue or assess buttons, though they hold the admin role', async () => {
    renderPeople({ people: { read: true }, talent: { read: true }, staff: { read: true, invite: true, manage: true } }, ['hub_admin']);
    expect(within(await row()).queryByRole('button', { name: /认\s?定/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /添加人员/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /人才目录/ })).toBeNull();
  });

  it('shows each button the server lists, and only those', async () => {
    renderPeople({ people: { read: true, create: true }, talent: { read: true, assess: true } }, ['station_manager']);
    expect(within(await row()).getByRole('button', { name: /认\s?定/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /添加人员/ })).toBeTruthy();
    // Editing the catalogue is its own action: not listed, not shown.
    expect(screen.queryByRole('button', { name: /人才目录/ })).toBeNull();
  });

  it('offers the catalogue to whoever may edit it', async () => {
    renderPeople({ people: { read: true }, talent: { read: true, editCatalogue: true } }, []);
    await row();
    expect(screen.getByRole('button', { name: /人才目录/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /添加人员/ })).toBeNull();
  });

  it('says the register is for staff when the server does not let the person read people, whatever their roles', async () => {
    renderPeople({}, ['program_officer']);
    expect(await screen.findByText('人才名录仅对枢纽工作人员开放。', undefined, loading)).toBeTruthy();
    expect(screen.queryByText('王兴兴')).toBeNull();
  });

  it.each([
    ['zh-CN', '王兴兴', '1990年1月1日'],
    ['en-US', 'Wang Xingxing', 'Jan 1, 1990'],
  ] as const)('says the day of birth in the page’s language, never as an ISO date (%s)', async (locale, name, born) => {
    renderPeople({ people: { read: true }, talent: { read: true } }, [], locale);
    const tr = (await screen.findByText(name, undefined, loading)).closest('tr')!;
    expect(within(tr).getByText(born)).toBeTruthy();
    expect(tr.textContent).not.toContain('1990-01-01');
  });
});

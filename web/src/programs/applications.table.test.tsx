import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationListItem } from '../../../contracts/applications';
import type { Grants } from '../../test/capabilities';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { ApplicationsTable } from './applications.table';
import { MyApplicationsPage } from './my-applications.page';

const programId = '01a2373f-0000-7000-8000-0000000000b2';
const listed = (n: number, status: ApplicationListItem['status'], awaitingSecondApproval: boolean): ApplicationListItem => ({
  id: `01a2373f-0000-7000-8000-00000000000${n}`,
  number: `HZ-2026-00000${n}`,
  programId,
  programVersion: 1,
  status,
  applicant: { type: 'organization', id: '01a2373f-0000-7000-8000-0000000000b3', name: { zh: '深度求索', en: 'DeepSeek' } },
  answers: {},
  screening: { eligible: true, results: [] },
  benefit: null,
  refusal: null,
  amount: '300000000',
  createdAt: '2026-12-06T12:39:00.000Z',
  awaitingSecondApproval,
});
// One approved by the first officer and waiting for the second; one approved outright (a rule-only award).
const items = [listed(1, 'approved', true), listed(2, 'approved', false)];
const program = { id: programId, name: { zh: '重大研发项目资助', en: 'Major AI R&D grant' } };

const words = {
  'zh-CN': { waiting: '待第二位官员批准', approved: '已批准' },
  'en-US': { waiting: 'Awaiting a second approval', approved: 'Approved' },
};

type Where = 'mine' | 'hub' | 'program';
const grants: Record<Where, Grants> = { mine: {}, hub: { applications: { listAll: true } }, program: {} };

function renderList(where: Where, locale: 'zh-CN' | 'en-US') {
  fakeServerWith(capabilitiesWith(grants[where]), ({ path }) => {
    if (path.startsWith('/api/hubs/hangzhou/applications?') || path === '/api/hubs/hangzhou/applications') return { status: 200, body: { items, next: null } };
    if (path.startsWith('/api/hubs/hangzhou/programs?')) return { status: 200, body: { items: [program], next: null } };
    return undefined;
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/applications" element={where === 'program' ? <ApplicationsTable hub="hangzhou" program={programId} /> : <MyApplicationsPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/applications', locale },
  );
}

/** The status tag in the row or card that carries the application's number. */
async function tagOf(number: string, container: 'row' | 'listitem') {
  const cell = await screen.findByText(new RegExp(number), undefined, loading);
  const holder = (container === 'row' ? cell.closest('tr') : cell.closest('[role="listitem"]')) as HTMLElement;
  return holder.querySelector('.ant-tag') as HTMLElement;
}

/** A phone's width for antd's breakpoints (390 px: below `md`): each application is a card. */
const onPhone = () =>
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    return { matches: min ? 390 >= Number(min[1]) : false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} };
  });

const cases = (['mine', 'hub', 'program'] as const).flatMap((where) => (['zh-CN', 'en-US'] as const).map((locale) => [where, locale] as const));

describe('ApplicationsTable: an approval waiting for its second officer', () => {
  it.each(cases)('is not shown as approved in the %s list, but as awaiting, in gold (%s)', async (where, locale) => {
    renderList(where, locale);
    // Staff lists (the hub's, the program's) say who applied; the applicant's own does not.
    if (where !== 'mine') expect(await screen.findAllByText(locale === 'zh-CN' ? '深度求索' : 'DeepSeek', undefined, loading)).toHaveLength(2);
    const waiting = await tagOf('HZ-2026-000001', 'row');
    expect(waiting.textContent).toBe(words[locale].waiting);
    expect(waiting.className).toMatch(/\bant-tag-gold\b/);
    // Approved outright is still said so, in green.
    const approved = await tagOf('HZ-2026-000002', 'row');
    expect(approved.textContent).toBe(words[locale].approved);
    expect(approved.className).toMatch(/\bant-tag-green\b/);
  });

  it.each(['zh-CN', 'en-US'] as const)('is awaiting on a phone’s cards too (%s)', async (locale) => {
    onPhone();
    renderList('mine', locale);
    const waiting = await tagOf('HZ-2026-000001', 'listitem');
    expect(waiting.textContent).toBe(words[locale].waiting);
    expect(waiting.className).toMatch(/\bant-tag-gold\b/);
    expect((await tagOf('HZ-2026-000002', 'listitem')).textContent).toBe(words[locale].approved);
    expect(within(screen.getByRole('list')).queryAllByText(words[locale].approved, { exact: true })).toHaveLength(1);
  });
});

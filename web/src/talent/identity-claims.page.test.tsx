import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { IdentityClaim } from '../api/talent.api';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, loading, type Grants } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { IdentityClaimsPage } from './identity-claims.page';

const base = '/api/hubs/hangzhou/talent/identity-claims';

/** A record no account uses, claimed at 01:30 in Hangzhou on 7 December (still the 6th in UTC). */
const wang: IdentityClaim = {
  id: '01a2373f-0000-7000-8000-000000000021',
  status: 'pending',
  createdAt: '2026-12-06T17:30:00.000Z',
  decidedAt: null,
  note: '',
  claimant: {
    email: 'wang.fang@example.com',
    name: { zh: '王芳', en: 'Wang Fang' },
    degrees: [{ university: '浙江大学', level: 'master', graduatesOn: '2026-06-30' }],
  },
  person: {
    id: '01a2373f-0000-7000-8000-000000000022',
    name: { zh: '王芳', en: 'Wang Fang' },
    bornOn: '2001-03-04',
    residentIdMasked: '330106********123X',
    usedByAnotherAccount: false,
    degrees: [],
  },
};

/** A record another account uses already. */
const li: IdentityClaim = {
  ...wang,
  id: '01a2373f-0000-7000-8000-000000000023',
  createdAt: '2026-12-08T02:00:00.000Z',
  claimant: { email: 'li.lei@example.com', name: { zh: '李雷', en: 'Li Lei' }, degrees: [] },
  person: { ...wang.person, id: '01a2373f-0000-7000-8000-000000000024', name: { zh: '李磊', en: 'Li Lei' }, usedByAnotherAccount: true },
};

const words = {
  'zh-CN': {
    title: '档案认领',
    filter: '显示的认领',
    filed: '2026年12月7日',
    born: '出生日期：2001年3月4日',
    degree: '硕士 · 浙江大学 · 2026年6月30日',
    unused: '没有账户使用此档案',
    approveWang: '批准王芳的认领',
    rejectWang: '驳回王芳的认领',
    approveLi: '批准李雷的认领',
    effect: '此档案将归王芳所有，其住宿预订、申请和填写的学历一并转入。',
    note: '备注（选填）',
    ok: /批\s*准/,
    approved: '已批准该认领。',
    staffOnly: '档案认领仅供可查阅个人信息的本枢纽工作人员使用。',
  },
  'en-US': {
    title: 'Claims to person records',
    filter: 'Claims shown',
    filed: 'Dec 7, 2026',
    born: 'Born: Mar 4, 2001',
    degree: "Master's · 浙江大学 · Jun 30, 2026",
    unused: 'No account uses this record',
    approveWang: 'Approve the claim of Wang Fang',
    rejectWang: 'Reject the claim of Wang Fang',
    approveLi: 'Approve the claim of Li Lei',
    effect: 'The record becomes Wang Fang’s; their stays, applications and declared degrees move to it.',
    note: 'Note (optional)',
    ok: 'Approve',
    approved: 'Claim approved.',
    staffOnly: 'Claims to person records are for the hub staff who read personal data.',
  },
} as const;

/** The page at /hubs/hangzhou/identity-claims; the server answers the waiting claims, and a decision takes the claim off them. */
function renderAs(grants: Grants, locale: 'zh-CN' | 'en-US' = 'zh-CN', roles: Parameters<typeof capabilitiesWith>[1] = []) {
  let waiting = [wang, li];
  const seen = fakeServerWith(capabilitiesWith(grants, roles), (request) => {
    const url = new URL(request.path, 'http://x');
    if (request.method === 'GET' && url.pathname === base) {
      const status = url.searchParams.get('status');
      if (status === 'pending') return { status: 200, body: { items: waiting, next: null } };
      const decided = { ...li, status: 'rejected', decidedAt: '2026-12-08T03:00:00.000Z', note: '出生日期不符' };
      return { status: 200, body: { items: status === 'rejected' ? [decided] : [], next: null } };
    }
    if (request.method === 'POST' && url.pathname === `${base}/${wang.id}/decision`) {
      waiting = waiting.filter((c) => c.id !== wang.id);
      return { status: 200, body: { ...wang, status: 'approved', decidedAt: '2026-12-08T03:00:00.000Z', note: (request.body as { note: string }).note } };
    }
    return undefined;
  });
  renderInApp(
    <>
      <CapabilitiesLoaded hub="hangzhou" />
      <Routes>
        <Route path="/hubs/:hub/identity-claims" element={<IdentityClaimsPage />} />
      </Routes>
    </>,
    { locale, path: '/hubs/hangzhou/identity-claims' },
  );
  return seen;
}

const rowOf = async (text: string) => (await screen.findByText(text, undefined, loading)).closest('tr')!;

describe('claims to person records (staff)', () => {
  it.each(['zh-CN', 'en-US'] as const)('lists the waiting claims: the claimant beside the record, the hub’s day, no ids (%s)', async (locale) => {
    const seen = renderAs({ talent: { read: true, resolveClaims: true } }, locale);
    const w = words[locale];
    expect(await screen.findByRole('heading', { level: 1, name: w.title }, loading)).toBeTruthy();
    const row = await rowOf('wang.fang@example.com');
    for (const text of [w.filed, w.born, w.degree, w.unused, '330106********123X']) expect(within(row).getByText(text)).toBeTruthy();
    // Names, not ids; days in words, never ISO.
    const table = screen.getByRole('table', { name: w.title });
    expect(table.textContent).not.toMatch(/01a2373f|\d{4}-\d{2}-\d{2}/);
    expect(within(row).getByRole('button', { name: w.approveWang })).toBeTruthy();
    expect(within(row).getByRole('button', { name: w.rejectWang })).toBeTruthy();
    // The filter is a named group of choices, the waiting ones chosen.
    expect(screen.getByRole('radiogroup', { name: w.filter })).toBeTruthy();
    expect(seen.filter((r) => r.path.startsWith(base)).map((r) => r.path)).toEqual([`${base}?status=pending`]);
  });

  it.each(['zh-CN', 'en-US'] as const)('approves a claim with a note, says so, and the claim leaves the waiting list (%s)', async (locale) => {
    const seen = renderAs({ talent: { read: true, resolveClaims: true } }, locale);
    const w = words[locale];
    const row = await rowOf('wang.fang@example.com');
    await userEvent.click(within(row).getByRole('button', { name: w.approveWang }));
    const dialog = await screen.findByRole('dialog', { name: w.approveWang });
    expect(within(dialog).getByText(w.effect)).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: w.note }), '已电话核实');
    await userEvent.click(within(dialog).getByRole('button', { name: w.ok }));

    expect(await screen.findByText(w.approved, undefined, loading)).toBeTruthy();
    const posts = seen.filter((r) => r.method === 'POST');
    expect(posts.map((r) => ({ path: r.path, body: r.body }))).toEqual([
      { path: `${base}/${wang.id}/decision`, body: { decision: 'approved', note: '已电话核实' } },
    ]);
    await vi.waitFor(() => expect(screen.queryByText('wang.fang@example.com')).toBeNull(), loading);
    expect(screen.getByText('li.lei@example.com')).toBeTruthy();
  });

  it('shows a reader who may not decide the claims without the buttons', async () => {
    // Roles that would decide, actions that say otherwise: the page follows the actions.
    renderAs({ talent: { read: true, resolveClaims: false } }, 'en-US', ['program_officer']);
    await screen.findByText('capabilities loaded', undefined, loading);
    const row = await rowOf('wang.fang@example.com');
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: /Approve|Reject/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  });

  it('shows decided claims with their decision and note, never buttons', async () => {
    const seen = renderAs({ talent: { read: true, resolveClaims: true } }, 'en-US');
    await rowOf('wang.fang@example.com');
    await userEvent.click(screen.getByText('Rejected'));
    const row = await rowOf('出生日期不符');
    expect(within(row).getByText('Decided Dec 8, 2026')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(seen.some((r) => r.path === `${base}?status=rejected`)).toBe(true);
  });

  it.each(['zh-CN', 'en-US'] as const)('tells someone who may not read claims it is the staff’s, without asking for them (%s)', async (locale) => {
    const seen = renderAs({ people: { read: true } }, locale, ['hub_admin']);
    expect((await screen.findAllByRole('heading', { level: 1 }, loading)).map((h) => h.textContent)).toEqual([words[locale].staffOnly]);
    expect(screen.queryByRole('table')).toBeNull();
    expect(seen.some((r) => r.path.startsWith(base))).toBe(false);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../contracts/auth';
import type { ComputeRequest } from '../../../contracts/compute';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ComputePage } from './compute.page';

// The charts draw on a canvas, which the test's DOM has not; this test is about a request's cancel.
vi.mock('./compute-charts', () => ({ BurnDownChart: () => null, WaitsChart: () => null }));

const orgId = '01a2373f-0000-7000-8000-0000000000b0';
const me: Me = {
  user: { id: '01a2373f-0000-7000-8000-0000000000b1', email: 'cto@deep.demo', name: 'CTO', emailVerified: true },
  operator: false,
  hubs: [],
  organizations: [{ hub: 'hangzhou', id: orgId, name: { zh: '云深处科技', en: 'DEEP Robotics' }, role: 'owner' }],
};
const running: ComputeRequest = {
  id: '01a2373f-0000-7000-8000-0000000000b2',
  reference: 'CR-7K3Q',
  organization: { id: orgId, name: me.organizations[0]!.name },
  flavorRequested: 'h20',
  flavor: null,
  gpus: 2,
  hours: 3,
  priority: 'normal',
  status: 'running',
  earliestStart: '2026-12-03T08:00:00.000Z',
  deadline: '2026-12-04T08:00:00.000Z',
  start: null,
  end: null,
  borrowed: false,
  refusal: null,
  voucherHeld: '0',
  submittedAt: '2026-12-03T07:00:00.000Z',
} as ComputeRequest;
const cancelPath = `/api/hubs/hangzhou/compute/requests/${running.id}/cancel`;

const quota = {
  id: '01a2373f-0000-7000-8000-0000000000b3',
  organization: running.organization,
  flavorId: '01a2373f-0000-7000-8000-0000000000b4',
  flavorModel: 'H20',
  periodStart: '2026-01-01',
  periodEnd: '2027-01-01',
  gpuHours: 20000,
  gpuHoursUsed: 1260,
  concurrentGpus: 32,
  borrowingLimit: 0,
  lendingLimit: null,
  cohort: 'startups',
  weight: 1,
  voucher: null,
};
const usage = {
  id: '01a2373f-0000-7000-8000-0000000000b5',
  recordId: 'r-1',
  requestReference: 'CR-7K3Q',
  organization: running.organization,
  flavor: { id: quota.flavorId, model: 'H20' },
  gpuHours: '42.000',
  startedAt: '2026-12-03T08:00:00.000Z',
  endedAt: '2026-12-03T11:00:00.000Z',
  cost: '840000',
  voucherPaid: '0',
  corrects: null,
};

function renderPage(cancel: () => { status: number; body?: unknown }, locale: 'zh-CN' | 'en-US', who: Me = me, withQuota = false, listed = running) {
  const seen = fakeServer((request: SeenRequest) => {
    if (request.path === '/api/me') return { status: 200, body: who };
    if (request.method === 'POST') return cancel();
    if (request.path.includes('/compute/flavors')) return { status: 200, body: { items: [], next: null } };
    if (request.path.includes('/compute/dashboard')) return { status: 200, body: { quotas: withQuota ? [quota] : [], burnDown: [], waits: [] } };
    if (request.path.includes('/compute/queue')) return { status: 200, body: { items: [listed], next: null } };
    if (request.path.includes('/compute/usage')) return { status: 200, body: { items: withQuota ? [usage] : [], next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/compute" element={<ComputePage />} />
      <Route path="/hubs/:hub/organizations/new" element={<p>register page</p>} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/compute' },
  );
  return () => seen.filter((r) => r.method === 'POST').map((r) => r.path);
}
const requestItem = async () => (await screen.findByText(/CR-7K3Q/, undefined, loading)).closest('[data-testid="compute-request"]') as HTMLElement;

describe('ComputePage: a company cancels its GPU request, on the one form pattern', () => {
  it('cancels that request and says the hours are back', async () => {
    const writes = renderPage(() => ({ status: 200, body: { ...running, status: 'cancelled' } }), 'en-US');
    await userEvent.click(within(await requestItem()).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('CR-7K3Q is cancelled; the hours not begun are back in your quota.')).toBeTruthy();
    expect(writes()).toEqual([cancelPath]);
  });

  it.each([
    ['zh-CN', /^取\s?消$/, '该内容已被他人修改，请刷新后重试。'],
    ['en-US', /^Cancel$/, 'Someone else changed this; reload and try again.'],
  ] as const)('shows a refusal under that request, in words (%s)', async (locale, cancel, text) => {
    renderPage(() => ({ status: 409, body: { error: { code: 'CONFLICT', message: 'x' } } }), locale);
    const item = await requestItem();
    await userEvent.click(within(item).getByRole('button', { name: cancel }));
    expect((await within(item).findByRole('alert')).textContent).toContain(text);
  });
});

describe('ComputePage: what people read', () => {
  it.each([
    ['zh-CN', '已用 1,260 / 20,000 GPU 小时', '42 GPU 小时'],
    ['en-US', '1,260 of 20,000 GPU-hours used', '42 GPU-hours'],
  ] as const)('hours grouped and without trailing zeros (%s)', async (locale, used, metered) => {
    renderPage(() => ({ status: 200 }), locale, me, true);
    const card = (await screen.findAllByTestId('compute-quota', undefined, loading))[0]!;
    expect(card.textContent).toContain(used);
    expect(await screen.findByText(new RegExp(metered))).toBeTruthy();
    expect(document.body.textContent).not.toContain('42.000');
  });

  it.each([
    ['zh-CN', '2026年1月1日至2027年1月1日', '2026年12月6日 16:00至12月7日 04:00', '已排入计划', '2026年12月3日'],
    ['en-US', 'Jan 1, 2026 – Jan 1, 2027', 'Dec 6, 2026, 4:00 PM – Dec 7, 4:00 AM', 'Scheduled', 'Dec 3, 2026'],
  ] as const)('days and moments as people write them, the end’s day named when it differs (%s)', async (locale, period, slot, status, ended) => {
    const scheduled = {
      ...running,
      status: 'admitted',
      gpus: 4,
      hours: 12,
      start: '2026-12-06T16:00:00.000Z',
      end: '2026-12-07T04:00:00.000Z',
    } as ComputeRequest;
    renderPage(() => ({ status: 200 }), locale, me, true, scheduled);
    const card = (await screen.findAllByTestId('compute-quota', undefined, loading))[0]!;
    expect(card.textContent).toContain(`H20 · ${period}`);
    const item = (await screen.findAllByTestId('compute-request'))[0]!;
    expect(item.textContent).toContain(slot);
    expect(item.textContent).toContain(status);
    expect(await screen.findByText(new RegExp(ended))).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.each([
    ['zh-CN', '先登记或加入一家企业，才能申请算力。', /^登记企业$/],
    ['en-US', 'Register or join a company first to ask for GPU time.', /^Register a company$/],
  ] as const)('offers one with no company the way to register one (%s)', async (locale, text, button) => {
    renderPage(() => ({ status: 200 }), locale, { ...me, organizations: [] });
    expect(await screen.findByText(text, undefined, loading)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: button }));
    expect(await screen.findByText('register page')).toBeTruthy();
  });
});

describe('ComputePage: only an owner or a colleague who may apply acts for the company', () => {
  const as = (role: Me['organizations'][number]['role']): Me => ({ ...me, organizations: [{ ...me.organizations[0]!, role }] });
  const words = {
    'zh-CN': {
      ask: '申请 GPU 时长',
      cancel: /^取\s?消$/,
      viewOnly: '您可以查看云深处科技的算力配额和申请。如需申请或取消算力，请联系企业负责人或有申请权限的同事。',
    },
    'en-US': {
      ask: 'Ask for GPU time',
      cancel: /^Cancel$/,
      viewOnly: 'You can view DEEP Robotics’s GPU time and requests. Its owner, or a colleague who may apply, can ask for more or cancel a request.',
    },
  } as const;

  it.each(['zh-CN', 'en-US'] as const)('one who may only view sees the quota and requests, no ask or cancel, and why (%s)', async (locale) => {
    const writes = renderPage(() => ({ status: 200 }), locale, as('viewer'), true);
    const item = (await screen.findAllByTestId('compute-request', undefined, loading))[0]!;
    await screen.findAllByTestId('compute-quota');
    expect(await screen.findByText(words[locale].viewOnly)).toBeTruthy();
    expect(within(item).queryByRole('button', { name: words[locale].cancel })).toBeNull();
    expect(screen.queryByText(words[locale].ask)).toBeNull();
    expect(writes()).toEqual([]);
  });

  it.each(['owner', 'applicant'] as const)('an %s may ask and cancel, with no read-only sentence', async (role) => {
    renderPage(() => ({ status: 200 }), 'en-US', as(role), true);
    const item = (await screen.findAllByTestId('compute-request', undefined, loading))[0]!;
    expect(within(item).getByRole('button', { name: words['en-US'].cancel })).toBeTruthy();
    expect(await screen.findByText(words['en-US'].ask)).toBeTruthy();
    expect(screen.queryByText(words['en-US'].viewOnly)).toBeNull();
  });

  it('opens on a company the person may act for, before one they only view', async () => {
    const viewed = { hub: 'hangzhou', id: '01a2373f-0000-7000-8000-0000000000c0', name: { zh: '只读公司', en: 'Read Only Co' }, role: 'viewer' as const };
    renderPage(() => ({ status: 200 }), 'en-US', { ...me, organizations: [viewed, { ...me.organizations[0]!, role: 'applicant' }] }, true);
    const item = (await screen.findAllByTestId('compute-request', undefined, loading))[0]!;
    expect(within(item).getByRole('button', { name: words['en-US'].cancel })).toBeTruthy();
    expect(screen.queryByText(/You can view/)).toBeNull();
  });
});

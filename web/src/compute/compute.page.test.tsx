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

function renderPage(cancel: () => { status: number; body?: unknown }, locale: 'zh-CN' | 'en-US') {
  const seen = fakeServer((request: SeenRequest) => {
    if (request.path === '/api/me') return { status: 200, body: me };
    if (request.method === 'POST') return cancel();
    if (request.path.includes('/compute/dashboard')) return { status: 200, body: { quotas: [], burnDown: [] } };
    if (request.path.includes('/compute/queue')) return { status: 200, body: { items: [running], next: null } };
    if (request.path.includes('/compute/usage')) return { status: 200, body: { items: [], next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/compute" element={<ComputePage />} />
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

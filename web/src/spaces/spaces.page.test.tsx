import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contracts/auth';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { offeredRequest, offeredUnit } from './offered-request.fixture';
import { SpacesPage } from './spaces.page';

type Role = Me['organizations'][number]['role'];
const deep = { id: '01a2373f-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } };
const other = { id: '01a2373f-0000-7000-8000-0000000000ab', name: { zh: '云深处科技', en: 'DEEP Robotics' } };
const meWith = (...orgs: [typeof deep, Role][]): Me => ({
  user: { id: '01a2373f-0000-7000-8000-0000000000a1', email: 'cto@deep.demo', name: 'CTO', emailVerified: true },
  operator: false,
  hubs: [],
  organizations: orgs.map(([o, role]) => ({ hub: 'hangzhou', ...o, role })),
});
const offered = offeredRequest(deep);

function renderPage(who: Me, locale: 'zh-CN' | 'en-US' = 'en-US', spaceRequest = offered) {
  fakeServer((request: SeenRequest) => {
    if (request.path === '/api/me') return { status: 200, body: who };
    if (request.path.startsWith('/api/hubs/hangzhou/spaces/requests')) return { status: 200, body: { items: [spaceRequest], next: null } };
    if (request.path.startsWith('/api/hubs/hangzhou/spaces/leases')) return { status: 200, body: { items: [], next: null } };
    if (request.path.startsWith('/api/hubs/hangzhou/spaces/availability')) return { status: 200, body: { units: [] } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/spaces" element={<SpacesPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/spaces' },
  );
}
const requestItem = async () => (await screen.findAllByTestId('space-request', undefined, loading))[0]!;

const words = {
  'zh-CN': {
    ask: '申请办公空间',
    accept: '接受并签约',
    askViewOnly: '您可以查看深度求索的办公空间和申请。如需申请新的空间，请联系企业负责人或有申请权限的同事。',
    offerViewOnly: '您可以查看此保留空间。如需接受并签约，请联系深度求索的负责人或有申请权限的同事。',
  },
  'en-US': {
    ask: 'Ask for office space',
    accept: 'Accept and sign',
    askViewOnly: 'You can view DeepSeek’s office space and requests. Its owner, or a colleague who may apply, can ask for more.',
    offerViewOnly: 'You can view this offer. DeepSeek’s owner, or a colleague who may apply, can accept it.',
  },
} as const;

describe('SpacesPage: only an owner or a colleague who may apply acts for the company', () => {
  it.each(['zh-CN', 'en-US'] as const)('one who only views their company sees its requests and offer, no ask or accept, and why (%s)', async (locale) => {
    renderPage(meWith([deep, 'viewer']), locale);
    const item = await requestItem();
    expect(within(item).getByText(words[locale].offerViewOnly)).toBeTruthy();
    expect(within(item).queryByRole('button', { name: words[locale].accept })).toBeNull();
    expect(await screen.findByText(words[locale].askViewOnly)).toBeTruthy();
    expect(screen.queryByText(words[locale].ask)).toBeNull();
  });

  it.each(['owner', 'applicant'] as const)('an %s may accept the offer and ask for space', async (role) => {
    renderPage(meWith([deep, role]));
    const item = await requestItem();
    expect(within(item).getByRole('button', { name: words['en-US'].accept })).toBeTruthy();
    expect(within(item).queryByText(words['en-US'].offerViewOnly)).toBeNull();
    expect(await screen.findByText(words['en-US'].ask)).toBeTruthy();
    expect(screen.queryByText(/You can view DeepSeek’s office space/)).toBeNull();
  });

  it('asks only for the companies the person may act for', async () => {
    renderPage(meWith([deep, 'viewer'], [other, 'owner']));
    const item = await requestItem();
    // The offer is to the company they only view; the ask card names only the one they act for.
    expect(within(item).queryByRole('button', { name: words['en-US'].accept })).toBeNull();
    const card = (await screen.findByText(words['en-US'].ask)).closest('.ant-card') as HTMLElement;
    expect(within(card).getByTitle('DEEP Robotics')).toBeTruthy();
    expect(within(card).queryByTitle('DeepSeek')).toBeNull();
    expect(screen.queryByText(words['en-US'].askViewOnly)).toBeNull();
  });
});

describe('SpacesPage: an offer of several units', () => {
  const twoUnits = offeredRequest(deep);
  twoUnits.offer.nodes = [
    offeredUnit,
    { ...offeredUnit, id: '01a2373f-0000-7000-8000-0000000000c2', code: 'DT-A-103', name: { zh: '103 室', en: 'Room 103' } },
  ] as typeof twoUnits.offer.nodes;

  it.each([
    ['zh-CN', '已为您保留：DT-A-102 102 室和DT-A-103 103 室'],
    ['en-US', 'Held for you: DT-A-102 Room 102 and DT-A-103 Room 103;'],
  ] as const)('names the units as a list in the page’s language (%s)', async (locale, held) => {
    renderPage(meWith([deep, 'owner']), locale, twoUnits);
    const item = await requestItem();
    expect(item.textContent).toContain(held);
  });
});

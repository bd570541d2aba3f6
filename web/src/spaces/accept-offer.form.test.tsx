import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AcceptOfferForm } from './accept-offer.form';
import { offeredRequest } from './offered-request.fixture';

const organization = { id: '01a2373f-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } };
const request = offeredRequest(organization, {
  program: { id: '01a2373f-0000-7000-8000-0000000000e9', name: { zh: '租金补贴', en: 'Rent subsidy' } },
  terms: {
    startsOn: '2027-01-01',
    endsOn: '2030-01-01',
    steps: [
      { startsOn: '2027-01-01', endsOn: '2028-01-01', monthlyRent: '720000', tenantShare: '0', subsidyShare: '720000' },
      { startsOn: '2028-01-01', endsOn: '2030-01-01', monthlyRent: '720000', tenantShare: '360000', subsidyShare: '360000' },
    ],
  },
});
const acceptPath = `/api/hubs/hangzhou/spaces/requests/${request.id}/accept`;

const words = {
  'zh-CN': {
    accept: '接受并签约',
    sign: '确认签约',
    cancel: /^取\s*消$/,
    unit: 'DT-A-102 102 室',
    term: '2027年1月1日至2030年1月1日，共 36 个月',
    steps: ['月租金 7,200元', '企业承担 0元', '补贴 7,200元', '企业承担 3,600元', '补贴 3,600元'],
    signed: '已签约，租约 LS-000042。',
    conflict: '该内容已被他人修改，请刷新后重试。',
  },
  'en-US': {
    accept: 'Accept and sign',
    sign: 'Sign the lease',
    cancel: /^Cancel$/,
    unit: 'DT-A-102 Room 102',
    term: 'Jan 1, 2027 – Jan 1, 2030, 36 months',
    steps: ['Monthly rent CNY 7,200', 'You pay CNY 0', 'Subsidy CNY 7,200', 'You pay CNY 3,600', 'Subsidy CNY 3,600'],
    signed: 'Signed: lease LS-000042.',
    conflict: 'Someone else changed this; reload and try again.',
  },
};
type Locale = keyof typeof words;

function renderForm(reply: Parameters<typeof fakeServer>[0], locale: Locale, offer = request) {
  const seen = fakeServer(reply);
  const onDone = vi.fn(async () => undefined);
  renderInApp(<AcceptOfferForm hub="hangzhou" request={offer} onDone={onDone} />, { locale });
  return { seen, onDone };
}
const accept = (locale: Locale) => userEvent.click(screen.getByRole('button', { name: words[locale].accept }));
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s+/g, ' ');

describe('AcceptOfferForm: the company signs the space offered only once it has seen what it signs', () => {
  // Without antd's motion (as for one who asked for less), a dialog closes at once in happy-dom.
  beforeEach(() =>
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      addEventListener() {},
      removeEventListener() {},
    })),
  );

  it.each(['zh-CN', 'en-US'] as const)(
    'asks first, naming the unit, the term, the rent, the company’s share and the subsidy; cancel signs nothing (%s)',
    async (locale) => {
      const { seen, onDone } = renderForm(() => ({ status: 200, body: { ref: 'LS-000042' } }), locale);
      await accept(locale);
      const dialog = await screen.findByRole('dialog');
      expect(seen).toEqual([]);
      expect(text(dialog)).toContain(words[locale].unit);
      expect(text(dialog)).toContain(words[locale].term);
      for (const step of words[locale].steps) expect(text(dialog)).toContain(step);
      await userEvent.click(within(dialog).getByRole('button', { name: words[locale].cancel }));
      await vi.waitFor(() => expect(screen.queryByRole('button', { name: words[locale].sign })).toBeNull());
      expect(seen).toEqual([]);
      expect(onDone).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['zh-CN', 'DT-A-102 102 室、DT-A-103 103 室和DT-A-104 104 室'],
    ['en-US', 'DT-A-102 Room 102, DT-A-103 Room 103, and DT-A-104 Room 104'],
  ] as const)('lists several units as the page’s language joins a list (%s)', async (locale, units) => {
    const first = request.offer.nodes[0]!;
    const more = (n: number) => ({
      ...first,
      id: `01a2373f-0000-7000-8000-0000000000c${n}`,
      code: `DT-A-10${n}`,
      name: { zh: `10${n} 室`, en: `Room 10${n}` },
    });
    renderForm(() => ({ status: 200, body: {} }), locale, { ...request, offer: { ...request.offer, nodes: [first, more(3), more(4)] } });
    await accept(locale);
    expect(text(await screen.findByRole('dialog'))).toContain(units);
  });

  it.each(['zh-CN', 'en-US'] as const)('signs when confirmed, with an Idempotency-Key, and names the lease (%s)', async (locale) => {
    const { seen, onDone } = renderForm(() => ({ status: 200, body: { ref: 'LS-000042' } }), locale);
    await accept(locale);
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: words[locale].sign }));
    expect(await screen.findByText(words[locale].signed)).toBeTruthy();
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', acceptPath]]);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(onDone).toHaveBeenCalled();
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal in the dialog, and a retry sends the same key (%s)', async (locale) => {
    const { seen, onDone } = renderForm(() => ({ status: 409, body: { error: { code: 'CONFLICT', message: 'conflict' } } }), locale);
    await accept(locale);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: words[locale].sign }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(words[locale].conflict);
    await userEvent.click(within(dialog).getByRole('button', { name: words[locale].sign }));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.headers.get('idempotency-key')).toBe(seen[0]!.headers.get('idempotency-key'));
    expect(onDone).not.toHaveBeenCalled();
  });
});

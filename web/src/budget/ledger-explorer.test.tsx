import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, LedgerTransfer } from '../../../contracts/budget';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { LedgerExplorer } from './ledger-explorer';

const lease = {
  type: 'space_lease',
  id: '01a24a66-bda7-7799-9015-a7a4982f1388',
  name: { zh: '人工智能小镇租金补贴 · 深度求索', en: 'AI Town rent subsidy · DeepSeek' },
  number: 'L-7K2M9Q',
};

const payment: LedgerTransfer = {
  id: '01a24a66-bda7-7799-9015-a7a4982f1399',
  kind: 'post_pending',
  reason: 'disburse',
  debitAccount: {
    id: '01a24a66-bda7-7799-9015-a7a4982f0001',
    code: 'rent-subsidy',
    kind: 'budget_line',
    name: { zh: '租金补贴', en: 'Rent subsidy' },
    cause: null,
  },
  creditAccount: {
    id: '01a24a66-bda7-7799-9015-a7a4982f0002',
    code: 'award:01a24a66',
    kind: 'award',
    name: { zh: `资助：${lease.name.zh}`, en: `Award: ${lease.name.en}` },
    cause: lease,
  },
  amount: '3444000',
  pendingId: '01a24a66-bda7-7799-9015-a7a4982f0003',
  cause: lease,
  note: null,
  createdAt: '2026-06-01T04:00:00.000Z',
};

const envelope = { year: 2026, lines: [] } as unknown as Envelope;

describe('LedgerExplorer', () => {
  it('names a rent-subsidy payment: the organisation under its program, the lease’s short reference, and “rent subsidy” as what it is for', async () => {
    fakeServer((request) =>
      request.path.includes('allocate_envelope') ? { status: 200, body: { items: [], next: null } } : { status: 200, body: { items: [payment], next: null } },
    );
    renderInApp(<LedgerExplorer hub="hangzhou" envelope={envelope} onShowAccount={vi.fn()} />);
    const row = (await screen.findByText(`资助：${lease.name.zh}`)).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    expect(cells[3]!.textContent).toBe(`资助：${lease.name.zh}${lease.number}`);
    expect(cells[5]!.textContent).toBe(`租金补贴 ${lease.number}`);
    expect(row.textContent).not.toContain('其他');
    expect(row.textContent).not.toContain(lease.id);
  });

  it.each([
    ['zh-CN', '申请 HZ-2026-000002'],
    ['en-US', /^Application HZ-2026-000002$/],
  ] as const)('puts a space between what a cause is and its reference (%s)', async (locale, text) => {
    const application = {
      type: 'application',
      id: '01a24a66-bda7-7799-9015-a7a4982f1400',
      name: { zh: '重大研发 · 深度求索', en: 'Major R&D · DeepSeek' },
      number: 'HZ-2026-000002',
    };
    const grant = {
      ...payment,
      id: '01a24a66-bda7-7799-9015-a7a4982f1401',
      cause: application,
      creditAccount: { ...payment.creditAccount, cause: application },
    };
    fakeServer((request) =>
      request.path.includes('allocate_envelope') ? { status: 200, body: { items: [], next: null } } : { status: 200, body: { items: [grant], next: null } },
    );
    renderInApp(<LedgerExplorer hub="hangzhou" envelope={envelope} onShowAccount={vi.fn()} />, { locale });
    const row = (await screen.findByText(locale === 'zh-CN' ? `资助：${lease.name.zh}` : `Award: ${lease.name.en}`)).closest('tr')!;
    const cause = within(row).getAllByRole('cell')[5]!;
    if (typeof text === 'string') expect(cause.textContent).toBe(text);
    else expect(cause.textContent).toMatch(text);
  });

  it.each([
    ['zh-CN', '下载 XLSX'],
    ['en-US', 'Download XLSX'],
  ] as const)('downloads the ledger in the page’s language (%s)', async (locale, label) => {
    fakeServer(() => ({ status: 200, body: { items: [], next: null } }));
    renderInApp(<LedgerExplorer hub="hangzhou" envelope={envelope} onShowAccount={vi.fn()} />, { locale });
    const link = (await screen.findByText(label)).closest('a')!;
    expect(link.getAttribute('href')).toBe(`/api/hubs/hangzhou/fiscal-years/2026/ledger.xlsx?lang=${locale}`);
  });
});

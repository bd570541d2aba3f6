import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../contracts/budget';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { EnvelopeOverview } from './envelope-overview';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const line: Envelope['lines'][number] = {
  id: '01a24a66-bda7-7799-9015-a7a4982f0101',
  kind: 'budget_line',
  code: 'compute-vouchers',
  name: { zh: '算力券', en: 'Compute vouchers' },
  debitsPending: '0',
  debitsPosted: '0',
  creditsPending: '0',
  creditsPosted: '100000000',
  available: '100000000',
  committed: '0',
  disbursed: '0',
  free: '100000000',
};
const envelope = (status: Envelope['status']): Envelope => ({
  year: 2026,
  status,
  revenue: '1000000000',
  techShareBasisPoints: 1500,
  envelope: '150000000',
  unallocated: '50000000',
  lines: [line],
});

describe('EnvelopeOverview: the year’s status by the lines says what it allows', () => {
  it.each([
    ['zh-CN', 'open', '可承诺', '2026 财年进行中：可以新建科目并拨入资金、在科目间调剂，并从科目承诺和支付资助。'],
    [
      'en-US',
      'open',
      'Open for commitments',
      'Fiscal year 2026 is open: lines can be created and funded, money moved between them, and awards committed and paid from them.',
    ],
    ['zh-CN', 'closed', '已关闭，不可承诺', '2026 财年已关闭：不能再承诺、调剂或支付任何资金。'],
    ['en-US', 'closed', 'Closed: no new commitments', 'Fiscal year 2026 is closed: no money can be committed, moved or paid in it.'],
  ] as const)('%s, %s: a tag in words, explained on hover; the line’s code stays under its name', async (locale, status, tag, hint) => {
    fakeServer(() => ({ status: 200, body: { items: [], next: null } }));
    renderInApp(<EnvelopeOverview hub="hangzhou" envelope={envelope(status)} canWrite={false} onShowAccount={vi.fn()} />, { locale });
    const shown = screen.getByText(tag);
    expect(screen.queryByText(/^(Open|开放|进行中)$/)).toBeNull();
    await userEvent.hover(shown);
    expect((await screen.findByRole('tooltip')).textContent).toBe(hint);
    expect(screen.getByText('compute-vouchers')).toBeTruthy();
  });
});

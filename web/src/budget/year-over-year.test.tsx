import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../contracts/budget';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { YearOverYear } from './year-over-year';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const envelope = (year: number): Envelope => ({
  year,
  status: 'open',
  revenue: '1000000000',
  techShareBasisPoints: 1500,
  envelope: '150000000',
  unallocated: '0',
  lines: [],
});

describe('YearOverYear: the hint says what is listed, this year among them', () => {
  it.each([
    ['zh-CN', '2026 财年与此前已开启的财年并列：资金池，以及每个科目的支付金额。'],
    ['en-US', 'Fiscal year 2026 and the years before it that were opened, side by side: the envelope and what each line paid out.'],
  ] as const)('names this year with the earlier ones (%s)', async (locale, hint) => {
    fakeServer((request) =>
      request.path.includes('/fiscal-years/2025/')
        ? { status: 200, body: envelope(2025) }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
    );
    renderInApp(<YearOverYear hub="hangzhou" envelope={envelope(2026)} />, { locale });
    expect(await screen.findByText(hint)).toBeTruthy();
    expect(screen.queryByText(/^The years before this one/)).toBeNull();
    // The table lists this year too, as the hint says.
    expect(
      screen
        .getAllByRole('row')
        .map((r) => r.querySelector('td')?.textContent)
        .filter(Boolean),
    ).toEqual(['2025', '2026']);
  });
});

import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Fact } from '../../../contracts/facts';
import { renderInApp } from '../../test/render';
import { FactHistoryChart } from './fact-history.chart';

type Option = { xAxis: { data: string[] }; tooltip: { formatter: (params: { dataIndex: number }) => string } };
const shown: Option[] = [];
vi.mock('./echart', () => ({
  EChart: ({ option, label }: { option: Option; label: string }) => {
    shown.push(option);
    return <div role="img" aria-label={label} />;
  },
}));

const fact = (asOf: string, quantity: string): Fact => ({
  id: `01a2373f-0000-7000-8000-0000000000${asOf.slice(2, 4)}`,
  organizationId: '01a2373f-0000-7000-8000-000000000009',
  metric: 'headcount',
  asOf,
  money: null,
  quantity,
  label: null,
  source: { url: null, note: 'annual report' },
});

describe('FactHistoryChart', () => {
  it.each([
    ['zh-CN', ['2024年6月30日', '2025年12月31日'], '2025年12月31日<br/>250'],
    ['en-US', ['Jun 30, 2024', 'Dec 31, 2025'], 'Dec 31, 2025<br/>250'],
  ] as const)('labels the axis and the tooltip with days in the page’s language (%s)', async (locale, axis, tooltip) => {
    shown.length = 0;
    renderInApp(<FactHistoryChart metric="headcount" facts={[fact('2025-12-31', '250'), fact('2024-06-30', '120')]} />, { locale });
    await waitFor(() => expect(shown.at(-1)?.xAxis.data).toEqual(axis));
    expect(shown.at(-1)!.tooltip.formatter({ dataIndex: 1 })).toBe(tooltip);
  });
});

import { describe, expect, it } from 'vitest';
import type { ComputeDashboard, FairShare } from '../api/compute.api';
import { fairShareHeight, fairShareOption, utilisationOption, waitsOption } from './compute-chart-options';
import { formatHours } from './format-hours';

const day = (d: number) => `2026-12-${String(d).padStart(2, '0')}`;
const utilisation: ComputeDashboard['utilisation'] = [4, 5, 6, 7, 8].flatMap((d) => [
  { flavorId: 'a', model: 'H20', day: day(d), reservedGpuHours: 96, capacityGpuHours: 192 },
  { flavorId: 'b', model: 'Ascend 910B', day: day(d), reservedGpuHours: d >= 7 ? 48 : 0, capacityGpuHours: 192 },
]);

describe('utilisationOption: the lines stop at today, which is marked', () => {
  const option = utilisationOption(utilisation, day(6), { today: 'Today' }, 'en-US');

  it('has no points after today: null, not 0 (reservations ahead are not use)', () => {
    expect(option.xAxis.data).toEqual(['Dec 4', 'Dec 5', 'Dec 6', 'Dec 7', 'Dec 8']);
    expect(utilisationOption(utilisation, day(6), { today: '今天' }, 'zh-CN').xAxis.data).toEqual(['12月4日', '12月5日', '12月6日', '12月7日', '12月8日']);
    expect(option.series.map((s) => s.data)).toEqual([
      [50, 50, 50, null, null],
      [0, 0, 0, null, null],
    ]);
    expect(option.series.every((s) => s.connectNulls === false)).toBe(true);
  });

  it('draws one “today” line, on today’s day', () => {
    const marks = option.series.flatMap((s) => ('markLine' in s ? [s.markLine] : []));
    expect(marks).toEqual([expect.objectContaining({ data: [{ xAxis: 'Dec 6' }], label: expect.objectContaining({ formatter: 'Today' }) })]);
    expect(option.tooltip.valueFormatter(null)).toBe('—');
    expect(option.tooltip.valueFormatter(50)).toBe('50%');
  });

  it('draws no mark when today is not on the chart', () => {
    const later = utilisationOption(utilisation, day(20), { today: 'Today' }, 'en-US');
    expect(later.series.some((s) => 'markLine' in s)).toBe(false);
    expect(later.series[0]!.data).toEqual([50, 50, 50, 50, 50]);
  });
});

describe('waitsOption: hours as people read them', () => {
  it('rounds to a tenth and formats axis and tooltip without trailing zeros', () => {
    const option = waitsOption(
      [{ day: day(5), requests: 3, averageHours: 3.4666666, longestHours: 1260 }],
      { average: 'Average', longest: 'Longest', hours: 'hours' },
      (v) => formatHours(v, 'en-US'),
      'en-US',
    );
    expect(option.xAxis.data).toEqual(['Dec 5']);
    expect(option.series.map((s) => s.data)).toEqual([[3.5], [1260]]);
    expect(option.yAxis.axisLabel.formatter(1260)).toBe('1,260');
    expect(option.tooltip.valueFormatter(1260)).toBe('1,260 hours');
  });
});

const company = (name: string, decayedGpuHours: number, dominantShare: number): FairShare['items'][number] => ({
  organization: { id: name, name: { zh: name, en: name } },
  cohort: 'startups',
  weight: 1,
  dominantShare,
  decayedGpuHours,
  entitlementGpus: 8,
  gpusInUse: 0,
  pending: 0,
});

describe('fairShareOption: one measure, room for each company, the share as words', () => {
  const items = [company('A <b>', 42.5, 0.0012), company('B', 1260, 0.015), company('C', 0, 0)];
  const option = fairShareOption(
    items,
    { name: (i) => i.organization.name.en, axis: 'Recent GPU-hours', label: (h, s) => `${h} GPU-hours · share ${s}` },
    { hours: (v) => formatHours(v, 'en-US'), percent: (v) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(v) },
  );

  it('has one value axis and one series of GPU-hours, companies top down in the server’s order', () => {
    expect(Array.isArray(option.xAxis)).toBe(false);
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'Recent GPU-hours' });
    expect(option.series).toHaveLength(1);
    expect(option.series[0]!.data).toEqual([42.5, 1260, 0]);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['A <b>', 'B', 'C'] });
  });

  it('labels each bar with its hours and share, and escapes names in the tooltip', () => {
    const label = option.series[0]!.label.formatter;
    expect(label({ dataIndex: 1 })).toBe('1,260 GPU-hours · share 1.5%');
    expect(label({ dataIndex: 0 })).toBe('42.5 GPU-hours · share 0.1%');
    expect(option.tooltip.formatter({ dataIndex: 0, name: 'A <b>' })).toBe('A &#60;b&#62;<br/>42.5 GPU-hours · share 0.1%');
  });

  it('gives each company at least 40 px', () => {
    for (const n of [1, 3, 12]) expect(fairShareHeight(n) - 72).toBeGreaterThanOrEqual(40 * n);
    expect(fairShareHeight(0)).toBeGreaterThanOrEqual(160);
  });
});

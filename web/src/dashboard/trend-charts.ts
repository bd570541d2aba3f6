import type { EChartsCoreOption } from 'echarts/core';
import { moneyForChart } from '../money/money-math';

type Series = { name: string; color: string; values: number[]; kind?: 'bar' | 'line'; axis?: 0 | 1 };

/**
 * The months of the last year on one axis, bars (and lines) of quantities on the left
 * axis, an optional second axis on the right (money or a share); each axis formats its
 * own values for the tooltip too.
 */
function monthlyOption(months: string[], series: Series[], axes: ((value: number) => string)[]): EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { seriesIndex: number; marker: string; seriesName: string; value: number; axisValueLabel: string }[]) =>
        [items[0]?.axisValueLabel ?? '', ...items.map((i) => `${i.marker}${i.seriesName}: ${axes[series[i.seriesIndex]?.axis ?? 0]!(i.value)}`)].join('<br/>'),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: axes.map((format, i) => ({ type: 'value', axisLabel: { formatter: format, hideOverlap: true }, splitLine: { show: i === 0 } })),
    series: series.map((s) => ({
      name: s.name,
      type: s.kind ?? 'bar',
      yAxisIndex: s.axis ?? 0,
      itemStyle: { color: s.color },
      data: s.values,
    })),
  };
}

/** Youth stations: bed-nights offered and booked each month. */
export function staysTrendOption(
  months: { month: string; nightsBooked: number; nightsAvailable: number }[],
  names: { available: string; booked: string },
  count: (value: number) => string,
): EChartsCoreOption {
  return monthlyOption(
    months.map((m) => m.month),
    [
      { name: names.available, color: '#bfbfbf', values: months.map((m) => m.nightsAvailable) },
      { name: names.booked, color: '#1677ff', values: months.map((m) => m.nightsBooked) },
    ],
    [count],
  );
}

/** Office space: m² leased and held each month, and the held space's forgone list rent on a money axis. */
export function spacesTrendOption(
  months: { month: string; leasedM2: number; heldM2: number; heldVacantCost: string }[],
  names: { leased: string; held: string; cost: string },
  area: (value: number) => string,
  money: (value: number) => string,
): EChartsCoreOption {
  return monthlyOption(
    months.map((m) => m.month),
    [
      { name: names.leased, color: '#389e0d', values: months.map((m) => m.leasedM2) },
      { name: names.held, color: '#d46b08', values: months.map((m) => m.heldM2) },
      { name: names.cost, color: '#cf1322', values: months.map((m) => moneyForChart(m.heldVacantCost)), kind: 'line', axis: 1 },
    ],
    [area, money],
  );
}

/** Compute: GPU hours of the quotas and GPU hours metered each month. */
export function computeTrendOption(
  months: { month: string; usedGpuHours: number; quotaGpuHours: number }[],
  names: { quota: string; used: string },
  hours: (value: number) => string,
): EChartsCoreOption {
  return monthlyOption(
    months.map((m) => m.month),
    [
      { name: names.quota, color: '#bfbfbf', values: months.map((m) => m.quotaGpuHours) },
      { name: names.used, color: '#722ed1', values: months.map((m) => m.usedGpuHours) },
    ],
    [hours],
  );
}

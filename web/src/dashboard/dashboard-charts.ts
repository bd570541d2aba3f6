import type { EChartsCoreOption } from 'echarts/core';
import { moneyForChart } from '../money/money-math';

type Bars = { name: string; color: string; values: string[] }[];

/** Two bars per category, money on the value axis as people read it; `across` lays the bars sideways. */
function barsOption(categories: string[], bars: Bars, axis: (value: number) => string, across: boolean): EChartsCoreOption {
  const money = { type: 'value', axisLabel: { formatter: axis, hideOverlap: true } };
  const names = across
    ? { type: 'category', inverse: true, data: categories, axisLabel: { width: 140, overflow: 'truncate' } }
    : { type: 'category', data: categories };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => axis(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: across ? money : names,
    yAxis: across ? names : money,
    series: bars.map((b) => ({ name: b.name, type: 'bar', itemStyle: { color: b.color }, data: b.values.map(moneyForChart) })),
  };
}

/** Bars per month: committed beside paid (the dashboard's trend). */
export function monthsOption(
  months: { month: string; committed: string; paid: string }[],
  names: { committed: string; paid: string },
  axis: (value: number) => string,
): EChartsCoreOption {
  return barsOption(
    months.map((m) => m.month),
    [
      { name: names.committed, color: '#d46b08', values: months.map((m) => m.committed) },
      { name: names.paid, color: '#389e0d', values: months.map((m) => m.paid) },
    ],
    axis,
    false,
  );
}

/** One horizontal bar pair per program: awarded and paid. */
export function programsOption(
  programs: { name: string; awarded: string; disbursed: string }[],
  names: { awarded: string; paid: string },
  axis: (value: number) => string,
): EChartsCoreOption {
  return barsOption(
    programs.map((p) => p.name),
    [
      { name: names.awarded, color: '#1677ff', values: programs.map((p) => p.awarded) },
      { name: names.paid, color: '#389e0d', values: programs.map((p) => p.disbursed) },
    ],
    axis,
    true,
  );
}

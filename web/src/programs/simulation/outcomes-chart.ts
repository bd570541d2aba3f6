import type { EChartsCoreOption } from 'echarts/core';

export type OutcomeBar = { label: string; funded: number; compared: number };

/** Grouped bars per horizon: the funded firms' mean change beside the turned-down firms'. */
export function outcomeBarsOption(rows: OutcomeBar[], names: { funded: string; compared: string }, axis: (value: number) => string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => axis(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', axisLabel: { formatter: axis } },
    series: [
      { name: names.funded, type: 'bar', itemStyle: { color: '#1677ff' }, data: rows.map((r) => r.funded) },
      { name: names.compared, type: 'bar', itemStyle: { color: '#8c8c8c' }, data: rows.map((r) => r.compared) },
    ],
  };
}

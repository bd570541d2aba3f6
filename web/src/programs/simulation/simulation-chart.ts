import type { EChartsCoreOption } from 'echarts/core';

/** Horizontal bars: how many qualify per group (sector, headcount band, ...). */
export function groupBarsOption(rows: { label: string; qualify: number }[], seriesName: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [{ name: seriesName, type: 'bar', itemStyle: { color: '#1677ff' }, data: rows.map((r) => r.qualify) }],
  };
}

import type { EChartsCoreOption } from 'echarts/core';
import type { Envelope } from '../../../contracts/budget';
import { formatMoneyAxis } from '../money/format-money';
import { moneyForChart } from '../money/money-math';

type Labels = { disbursed: string; committed: string; free: string };

/** Horizontal stacked bars, one per line: what is paid, what is promised, what is still free. */
export function burnDownOption(envelope: Envelope, nameOf: (line: Envelope['lines'][number]) => string, labels: Labels, locale: string): EChartsCoreOption {
  const lines = envelope.lines;
  const series = (key: 'disbursed' | 'committed' | 'free', color: string) => ({
    name: labels[key],
    type: 'bar',
    stack: 'line',
    itemStyle: { color },
    emphasis: { focus: 'series' },
    data: lines.map((line) => ({ value: moneyForChart(line[key]), fen: line[key] })),
  });
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => formatMoneyAxis(value, locale),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoneyAxis(value, locale) } },
    yAxis: { type: 'category', inverse: true, data: lines.map(nameOf) },
    series: [series('disbursed', '#389e0d'), series('committed', '#fa8c16'), series('free', '#91caff')],
  };
}

/** Years side by side: the envelope and what each line disbursed. */
export function yearOverYearOption(envelopes: Envelope[], lineName: (code: string) => string, envelopeLabel: string, locale: string): EChartsCoreOption {
  const years = [...envelopes].sort((a, b) => a.year - b.year);
  const codes = [...new Set(years.flatMap((e) => e.lines.map((l) => l.code)))].sort();
  const money = (value: number) => formatMoneyAxis(value, locale);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((e) => String(e.year)) },
    yAxis: { type: 'value', axisLabel: { formatter: money } },
    series: [
      { name: envelopeLabel, type: 'bar', itemStyle: { color: '#1677ff' }, data: years.map((e) => moneyForChart(e.envelope)) },
      ...codes.map((code) => ({
        name: lineName(code),
        type: 'bar',
        data: years.map((e) => moneyForChart(e.lines.find((l) => l.code === code)?.disbursed ?? '0')),
      })),
    ],
  };
}

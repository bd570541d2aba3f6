import type { EChartsCoreOption } from 'echarts/core';
import type { PublicBudget } from '../../../contracts/open-data';
import { formatMoneyAxis } from '../money/format-money';
import { moneyForChart } from '../money/money-math';

/** One stacked bar per budget line: paid, committed, left (the public budget chart). */
export function linesOption(
  budget: PublicBudget,
  nameOf: (name: { zh: string; en: string }) => string,
  labels: Record<'disbursed' | 'committed' | 'free', string>,
  locale: string,
): EChartsCoreOption {
  const series = (key: 'disbursed' | 'committed' | 'free', color: string) => ({
    name: labels[key],
    type: 'bar',
    stack: 'line',
    itemStyle: { color },
    data: budget.lines.map((line) => moneyForChart(line[key])),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => formatMoneyAxis(value, locale) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoneyAxis(value, locale), hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: budget.lines.map((l) => nameOf(l.name)) },
    series: [series('disbursed', '#389e0d'), series('committed', '#d46b08'), series('free', '#91caff')],
  };
}

import type { EChartsCoreOption } from 'echarts/core';
import type { PublicBudget } from '../../../contracts/open-data';
import { formatMoneyAxis } from '../money/format-money';
import { moneyForChart } from '../money/money-math';

/**
 * One stacked bar per budget line: paid, committed, left (the public budget chart). On a
 * phone (`narrow`) the lines' names are cut to a third of the width (whole in the tooltip)
 * and the money axis has fewer ticks, so the bars keep most of the screen.
 */
export function linesOption(
  budget: PublicBudget,
  nameOf: (name: { zh: string; en: string }) => string,
  labels: Record<'disbursed' | 'committed' | 'free', string>,
  locale: string,
  narrow = false,
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
    xAxis: { type: 'value', splitNumber: narrow ? 2 : 5, axisLabel: { formatter: (value: number) => formatMoneyAxis(value, locale), hideOverlap: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: budget.lines.map((l) => nameOf(l.name)),
      axisLabel: narrow ? { width: 110, overflow: 'truncate' } : {},
    },
    series: [series('disbursed', '#389e0d'), series('committed', '#d46b08'), series('free', '#91caff')],
  };
}

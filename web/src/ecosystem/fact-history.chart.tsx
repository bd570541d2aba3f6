import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fact, FactMetric } from '../../../contracts/facts';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { EChart } from './echart';
import { factChartValue, formatFactValue } from './fact-value';
import { formatMoneyAxis } from '../money/format-money';

/** The history of one metric as a line over time; labels keep the exact formatted value. */
export function FactHistoryChart({ metric, facts }: { metric: FactMetric; facts: Fact[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const option = useMemo(() => {
    const sorted = [...facts].sort((a, b) => a.asOf.localeCompare(b.asOf));
    const currency = sorted.find((fact) => fact.money)?.money?.currency;
    return {
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const fact = sorted[params.dataIndex]!;
          return `${formatDay(fact.asOf, locale)}<br/>${formatFactValue(fact, locale)}`;
        },
      },
      xAxis: { type: 'category', data: sorted.map((fact) => formatDay(fact.asOf, locale)), boundaryGap: false },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (value: number) =>
            currency ? formatMoneyAxis(value, locale, currency) : new Intl.NumberFormat(locale, { notation: 'compact' }).format(value),
        },
      },
      series: [{ type: 'line', data: sorted.map(factChartValue), symbolSize: 8, itemStyle: { color: '#1677ff' } }],
    };
  }, [facts, locale]);

  return <EChart option={option} height={180} label={t('facts.historyOf', { metric: t(`metric.${metric}`) })} />;
}

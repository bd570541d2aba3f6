import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputeDashboard, FairShare } from '../api/compute.api';
import { EChart } from '../ecosystem/echart';
import { formatMonthDay } from '../i18n/format-date';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { formatMoneyAxis } from '../money/format-money';
import { moneyForChart } from '../money/money-math';
import { useHubToday } from '../stays/hub-today';
import { fairShareHeight, fairShareOption, utilisationOption, waitsOption } from './compute-chart-options';
import { useFormatHours } from './format-hours';

// The utilisation chart marks today with a line.
echarts.use([MarkLineComponent]);

/** Share of each flavor's GPU-hours reserved per day (30 days back), up to today in the hub. */
export function UtilisationChart({ data }: { data: ComputeDashboard['utilisation'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const today = useHubToday().format('YYYY-MM-DD');
  const option = useMemo(() => utilisationOption(data, today, { today: t('compute.charts.today') }, locale), [data, today, t, locale]);
  return <EChart option={option} height={260} label={t('compute.charts.utilisation')} />;
}

/** Hours from submission to start, per day of submission: the average and the longest. */
export function WaitsChart({ data }: { data: ComputeDashboard['waits'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const hours = useFormatHours();
  const option = useMemo(
    () =>
      waitsOption(
        data,
        { average: t('compute.charts.averageWait'), longest: t('compute.charts.longestWait'), hours: t('compute.charts.hours') },
        hours,
        locale,
      ),
    [data, t, hours, locale],
  );
  return <EChart option={option} height={240} label={t('compute.charts.waits')} />;
}

/** Each company's recent GPU use, as bars, with its share (who goes first) beside each. */
export function FairShareChart({ data }: { data: FairShare['items'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const hours = useFormatHours();
  const option = useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return fairShareOption(
      data,
      {
        name: (i) => bilingual(i.organization.name).primary,
        axis: t('compute.desk.decayed'),
        label: (h, share) => t('compute.desk.shareLabel', { hours: h, share }),
      },
      { hours, percent: (v) => percent.format(v) },
    );
  }, [data, t, locale, bilingual, hours]);
  return <EChart option={option} height={fairShareHeight(data.length)} label={t('compute.desk.fairShare')} />;
}

/** What each voucher has left after each day's metered usage paid its share. */
export function BurnDownChart({ data }: { data: ComputeDashboard['burnDown'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const option = useMemo(() => {
    const days = [...new Set(data.flatMap((v) => v.points.map((p) => p.day)))].sort();
    const money = (v: number) => formatMoneyAxis(v, locale);
    return {
      tooltip: { trigger: 'axis', valueFormatter: money },
      legend: { top: 0, data: data.map((v) => bilingual(v.organization.name).primary) },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => formatMonthDay(d, locale)) },
      yAxis: { type: 'value', axisLabel: { formatter: money } },
      series: data.map((v) => {
        let left = moneyForChart(v.granted);
        return {
          name: bilingual(v.organization.name).primary,
          type: 'line',
          step: 'end',
          areaStyle: { opacity: 0.1 },
          data: days.map((d) => {
            const p = v.points.find((x) => x.day === d);
            if (p) left = moneyForChart(p.remaining);
            return left;
          }),
        };
      }),
    };
  }, [data, locale, bilingual]);
  return <EChart option={option} height={260} label={t('compute.charts.burnDown')} />;
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputeDashboard } from '../api/compute.api';
import { EChart } from '../ecosystem/echart';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { formatMoneyAxis } from '../money/format-money';
import { moneyForChart } from '../money/money-math';

/** Share of each flavor's GPU-hours reserved per day (30 days back, 14 ahead). */
export function UtilisationChart({ data }: { data: ComputeDashboard['utilisation'] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const days = [...new Set(data.map((u) => u.day))].sort();
    const models = [...new Set(data.map((u) => u.model))];
    const percent = (model: string, day: string) => {
      const u = data.find((x) => x.model === model && x.day === day);
      return u && u.capacityGpuHours > 0 ? Math.round((u.reservedGpuHours / u.capacityGpuHours) * 1000) / 10 : 0;
    };
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      legend: { top: 0, data: models },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: models.map((m) => ({ name: m, type: 'line', showSymbol: false, data: days.map((d) => percent(m, d)) })),
    };
  }, [data]);
  return <EChart option={option} height={260} label={t('compute.charts.utilisation')} />;
}

/** Hours from submission to start, per day of submission: the average and the longest. */
export function WaitsChart({ data }: { data: ComputeDashboard['waits'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('compute.charts.averageWait'), t('compute.charts.longestWait')] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.map((w) => w.day.slice(5)) },
      yAxis: { type: 'value', name: t('compute.charts.hours') },
      series: [
        { name: t('compute.charts.averageWait'), type: 'bar', data: data.map((w) => w.averageHours) },
        { name: t('compute.charts.longestWait'), type: 'line', data: data.map((w) => w.longestHours) },
      ],
    }),
    [data, t],
  );
  return <EChart option={option} height={240} label={t('compute.charts.waits')} />;
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
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
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

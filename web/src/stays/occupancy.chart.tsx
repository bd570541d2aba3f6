import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stationOccupancy } from '../api/stays.api';
import { EChart } from '../ecosystem/echart';
import { useHubToday } from './hub-today';
import { staysKey } from './use-stays';

/** Beds occupied per night (line, against the bed count) and arrivals/departures (turnover bars). */
export function OccupancyChart({ hub, stationId }: { hub: string; stationId: string }) {
  const { t } = useTranslation();
  const today = useHubToday();
  const from = today.format('YYYY-MM-DD');
  const to = today.add(30, 'day').format('YYYY-MM-DD');
  const occupancy = useQuery({ queryKey: [...staysKey(hub), 'occupancy', stationId, from], queryFn: () => stationOccupancy(hub, stationId, from, to) });
  const option = useMemo(() => {
    const nights = occupancy.data?.nights ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('stays.desk.occupied'), t('stays.desk.arrivals'), t('stays.desk.departures')] },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: nights.map((n) => n.date.slice(5)) },
      yAxis: { type: 'value', max: occupancy.data?.beds, minInterval: 1 },
      series: [
        { name: t('stays.desk.occupied'), type: 'line', areaStyle: { opacity: 0.15 }, data: nights.map((n) => n.occupied) },
        { name: t('stays.desk.arrivals'), type: 'bar', data: nights.map((n) => n.arrivals) },
        { name: t('stays.desk.departures'), type: 'bar', data: nights.map((n) => n.departures) },
      ],
    };
  }, [occupancy.data, t]);
  return (
    <Card title={`${t('stays.desk.occupancy')} · ${t('stays.desk.beds')} ${occupancy.data?.beds ?? ''}`} loading={occupancy.isPending}>
      <EChart option={option} height={280} label={t('stays.desk.occupancy')} />
    </Card>
  );
}

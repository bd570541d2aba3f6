import { useQuery } from '@tanstack/react-query';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stationOccupancy } from '../api/stays.api';
import { HubCalendar } from './hub-calendar';
import { useHubTimeZone, useHubToday } from './hub-today';
import { staysKey } from './use-stays';

/** A month of the station at a glance: beds taken each night, coloured by how full it is. */
export function OccupancyCalendar({ hub, stationId }: { hub: string; stationId: string }) {
  const { t } = useTranslation();
  const today = useHubToday();
  const timeZone = useHubTimeZone();
  // The day shown as chosen: today in today's month, else the month's first (the month is what counts).
  const [month, setMonth] = useState<Dayjs>(today);
  const shown = (d: Dayjs) => (d.isSame(today, 'month') ? today : d.startOf('month'));
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(8, 'day').format('YYYY-MM-DD');
  const occupancy = useQuery({ queryKey: [...staysKey(hub), 'calendar', stationId, from], queryFn: () => stationOccupancy(hub, stationId, from, to) });
  const byDate = new Map((occupancy.data?.nights ?? []).map((n) => [n.date, n]));
  const beds = occupancy.data?.beds ?? 0;
  return (
    <Card title={t('stays.desk.calendar')}>
      <HubCalendar
        timeZone={timeZone}
        fullscreen={false}
        headerRender={({ value, onChange }) => (
          <Flex align="center" justify="space-between" style={{ padding: 8 }}>
            <Button aria-label={t('stays.desk.previousMonth')} icon={<LeftOutlined />} onClick={() => onChange(value.subtract(1, 'month'))} />
            <Typography.Text strong>{value.format(t('stays.desk.monthFormat'))}</Typography.Text>
            <Button aria-label={t('stays.desk.nextMonth')} icon={<RightOutlined />} onClick={() => onChange(value.add(1, 'month'))} />
          </Flex>
        )}
        value={month}
        onPanelChange={(d) => setMonth(shown(d))}
        onSelect={(d) => setMonth(shown(d))}
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const night = byDate.get(date.format('YYYY-MM-DD'));
          if (!night || beds === 0) return null;
          const share = night.occupied / beds;
          return (
            <Tag color={share >= 1 ? 'red' : share >= 0.75 ? 'orange' : share > 0 ? 'green' : 'default'} style={{ marginInlineEnd: 0, fontSize: 11 }}>
              {night.occupied}/{beds}
            </Tag>
          );
        }}
      />
    </Card>
  );
}

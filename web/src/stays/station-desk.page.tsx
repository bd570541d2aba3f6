import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Form, Select, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCapabilities } from '../auth/use-capabilities';
import { exportUrl, listBookings, type StayBooking } from '../api/stays.api';
import { useBilingual } from '../i18n/use-bilingual';
import { CheckInForm, type CheckInValues } from './check-in.form';
import { CheckOutForm } from './check-out.form';
import { useHubToday } from './hub-today';
import { StationsAdminCard } from './stations-admin.card';
import { OccupancyCalendar } from './occupancy.calendar';
import { OccupancyChart } from './occupancy.chart';
import { staysKey, useRefreshStays, useStations } from './use-stays';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';

/** The station manager's desk: check in by QR code (check-in.form.tsx), check out, the month ahead, export. */
export function StationDeskPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const stations = useStations(hub);
  const may = useCapabilities(hub).data?.actions.stations;
  const canOpen = may?.open ?? false;
  const frontDesk = may?.frontDesk ?? false;
  const refresh = useRefreshStays(hub);
  const all = stations.data?.items ?? [];
  const managed = all.filter((s) => s.managed);
  // A manager's desk is their stations'; the server says who reads any station's desk (the auditor).
  const desks = managed.length > 0 ? managed : may?.anyDesk ? all : [];
  const [chosen, setChosen] = useState<string | undefined>();
  const stationId = chosen ?? desks[0]?.id;
  const today = useHubToday();
  const from = today.subtract(7, 'day').format('YYYY-MM-DD');
  const to = today.add(30, 'day').format('YYYY-MM-DD');
  const bookings = useQuery({
    queryKey: [...staysKey(hub), 'desk', stationId, from],
    queryFn: () => listBookings(hub, { station: stationId, from, to }),
    enabled: Boolean(stationId),
  });
  const [checkInForm] = Form.useForm<CheckInValues>();
  const checkInBy = (code: string) => {
    checkInForm.setFieldsValue({ code });
    checkInForm.submit();
  };

  const actions: ColumnType<StayBooking> = {
    key: 'act',
    title: t('stays.desk.action'),
    render: (_, b) =>
      b.status === 'checked_in' ? (
        <CheckOutForm hub={hub} booking={b} onDone={refresh} />
      ) : b.status === 'confirmed' ? (
        <Button type="link" onClick={() => checkInBy(b.code)}>
          {t('stays.desk.checkInButton')}
        </Button>
      ) : null,
  };

  if (stations.isPending) return <Card loading />;
  const title = (
    <Typography.Title level={1} style={{ margin: 0 }}>
      {t('stays.desk.title')}
    </Typography.Title>
  );
  // Whoever the server lets open stations and name their managers sees that card; managers run the desk of theirs.
  const admin = canOpen ? <StationsAdminCard hub={hub} stations={stations.data?.items ?? []} today={today.format('YYYY-MM-DD')} onChanged={refresh} /> : null;
  if (!stationId)
    return (
      <Flex vertical gap={16}>
        {title}
        {admin ?? <Empty description={t('stays.desk.noStation')} />}
      </Flex>
    );
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {title}
        <Select
          style={{ minWidth: 320 }}
          value={stationId}
          onChange={setChosen}
          aria-label={t('stays.desk.station')}
          options={desks.map((s) => ({ value: s.id, label: bilingual(s.name).primary }))}
        />
      </Flex>
      {admin}
      {frontDesk && (
        <Card title={t('stays.desk.checkIn')}>
          <CheckInForm hub={hub} form={checkInForm} onCheckedIn={refresh} />
        </Card>
      )}
      <OccupancyChart hub={hub} stationId={stationId} />
      <OccupancyCalendar hub={hub} stationId={stationId} />
      <Card
        title={t('stays.desk.guests')}
        extra={
          <a href={exportUrl(hub, stationId, from, to)} download>
            <Button>{t('stays.desk.export')}</Button>
          </a>
        }
      >
        <Table<StayBooking>
          rowKey="id"
          loading={bookings.isPending}
          dataSource={bookings.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('stays.desk.guest'), render: (_, b) => (b.guest.name ? bilingual(b.guest.name).primary : '') },
            { title: t('stays.desk.dates'), render: (_, b) => formatDayRange(b.checkIn, b.checkOut, locale) },
            { title: t('stays.booking.bed'), render: (_, b) => `${b.bed.room} · ${b.bed.label}` },
            { title: t('stays.booking.code'), dataIndex: 'code' },
            { title: t('stays.desk.state'), render: (_, b) => <Tag>{t(`stays.booking.status.${b.status}`)}</Tag> },
            // The desk's acts, for those who check guests in and out (an auditor reads the desk).
            ...(frontDesk ? [actions] : []),
          ]}
        />
      </Card>
    </Flex>
  );
}

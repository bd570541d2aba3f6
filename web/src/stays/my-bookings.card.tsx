import { Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import type { StayBooking } from '../api/stays.api';
import { useBilingual } from '../i18n/use-bilingual';
import { BookingActions } from './booking-actions.form';
import { BookingCard } from './booking-card';
import { ChangeBookingModal } from './change-booking.modal';
import { useMyBookings, useMyWaitlist, useRefreshStays, useStations } from './use-stays';
import { WaitlistActions } from './waitlist-actions.form';
import { formatDayRange, formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';

const LIVE = new Set(['confirmed', 'checked_in', 'offered']);

/** The graduate's bookings (QR, cancel, change dates) and waitlist places (accept an offer). */
export function MyBookingsCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const bookings = useMyBookings(hub);
  const waitlist = useMyWaitlist(hub);
  const stations = useStations(hub);
  const refresh = useRefreshStays(hub);
  const [changing, setChanging] = useState<StayBooking | null>(null);

  const stationName = (id: string) => {
    const s = stations.data?.items.find((x) => x.id === id);
    return s ? bilingual(s.name).primary : '';
  };
  const waiting = (waitlist.data?.items ?? []).filter((w) => w.status === 'waiting' || w.status === 'offered');
  const shown = (bookings.data?.items ?? []).filter((b) => b.status !== 'changed');

  return (
    <Card title={t('stays.booking.mine')} loading={bookings.isPending}>
      {shown.length === 0 && waiting.length === 0 && <Empty description={t('stays.booking.none')} />}
      {shown.length > 0 && (
        <ItemList
          items={shown}
          renderItem={(b) => (
            <ListItem>
              <Flex vertical gap={8} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={LIVE.has(b.status) ? 'green' : 'default'}>{t(`stays.booking.status.${b.status}`)}</Tag>
                  <Typography.Text strong>{bilingual(b.station.name).primary}</Typography.Text>
                  <Typography.Text>{formatDayRange(b.checkIn, b.checkOut, locale)}</Typography.Text>
                </Space>
                {b.status === 'confirmed' && <BookingCard booking={b} />}
                {b.status === 'confirmed' && <BookingActions hub={hub} booking={b} onChange={() => setChanging(b)} onDone={refresh} />}
              </Flex>
            </ListItem>
          )}
        />
      )}
      {waiting.length > 0 && (
        <ItemList
          header={<Typography.Text strong>{t('stays.waitlist.title')}</Typography.Text>}
          items={waiting}
          renderItem={(w) => (
            <ListItem>
              <Flex vertical gap={8} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>{t(`stays.waitlist.status.${w.status}`)}</Tag>
                  <Typography.Text>{stationName(w.stationId)}</Typography.Text>
                  <Typography.Text>{formatDayRange(w.startsOn, w.endsOn, locale)}</Typography.Text>
                  {w.position && <Typography.Text type="secondary">{t('stays.waitlist.position', { position: w.position })}</Typography.Text>}
                  {w.offer && (
                    <Typography.Text type="warning">{t('stays.waitlist.offered', { time: formatMoment(w.offer.expiresAt, locale) })}</Typography.Text>
                  )}
                </Space>
                <WaitlistActions hub={hub} entry={w} onDone={refresh} />
              </Flex>
            </ListItem>
          )}
        />
      )}
      {changing && <ChangeBookingModal hub={hub} booking={changing} onClose={() => setChanging(null)} onDone={refresh} />}
    </Card>
  );
}

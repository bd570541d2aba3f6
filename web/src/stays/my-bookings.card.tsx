import { App, Button, Card, Empty, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptOffer, cancelBooking, leaveWaitlist, type StayBooking } from '../api/stays.api';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { BookingCard } from './booking-card';
import { ChangeBookingModal } from './change-booking.modal';
import { useMyBookings, useMyWaitlist, useRefreshStays, useStations } from './use-stays';

const LIVE = new Set(['confirmed', 'checked_in', 'offered']);

/** The graduate's bookings (QR, cancel, change dates) and waitlist places (accept an offer). */
export function MyBookingsCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorText();
  const bilingual = useBilingual();
  const bookings = useMyBookings(hub);
  const waitlist = useMyWaitlist(hub);
  const stations = useStations(hub);
  const refresh = useRefreshStays(hub);
  const [changing, setChanging] = useState<StayBooking | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await refresh();
    } catch (error) {
      message.error(describe(error));
    }
  };
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
        <List
          dataSource={shown}
          renderItem={(b) => (
            <List.Item
              actions={
                b.status === 'confirmed'
                  ? [
                      <Button key="change" onClick={() => setChanging(b)}>
                        {t('stays.booking.change')}
                      </Button>,
                      <Popconfirm key="cancel" title={t('stays.booking.cancelConfirm')} onConfirm={() => act(() => cancelBooking(hub, b.id))}>
                        <Button danger>{t('stays.booking.cancel')}</Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={8} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={LIVE.has(b.status) ? 'green' : 'default'}>{t(`stays.booking.status.${b.status}`)}</Tag>
                  <Typography.Text strong>{bilingual(b.station.name).primary}</Typography.Text>
                  <Typography.Text>
                    {b.checkIn} → {b.checkOut}
                  </Typography.Text>
                </Space>
                {b.status === 'confirmed' && <BookingCard booking={b} />}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {waiting.length > 0 && (
        <List
          header={<Typography.Text strong>{t('stays.waitlist.title')}</Typography.Text>}
          dataSource={waiting}
          renderItem={(w) => (
            <List.Item
              actions={[
                ...(w.offer
                  ? [
                      <Button key="accept" type="primary" onClick={() => void act(() => acceptOffer(hub, w.id))}>
                        {t('stays.waitlist.accept')}
                      </Button>,
                    ]
                  : []),
                <Button key="leave" onClick={() => void act(() => leaveWaitlist(hub, w.id))}>
                  {t('stays.waitlist.leave')}
                </Button>,
              ]}
            >
              <Space wrap>
                <Tag>{t(`stays.waitlist.status.${w.status}`)}</Tag>
                <Typography.Text>{stationName(w.stationId)}</Typography.Text>
                <Typography.Text>
                  {w.startsOn} → {w.endsOn}
                </Typography.Text>
                {w.position && <Typography.Text type="secondary">{t('stays.waitlist.position', { position: w.position })}</Typography.Text>}
                {w.offer && (
                  <Typography.Text type="warning">{t('stays.waitlist.offered', { time: dayjs(w.offer.expiresAt).format('MM-DD HH:mm') })}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {changing && <ChangeBookingModal hub={hub} booking={changing} onClose={() => setChanging(null)} onDone={refresh} />}
    </Card>
  );
}

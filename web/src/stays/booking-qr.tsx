import { Descriptions, Flex, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StayBooking } from '../api/stays.api';
import { useBilingual } from '../i18n/use-bilingual';

/** The confirmation a graduate shows at the station: QR of the check-in code, and the code itself. */
export function BookingQr({ booking }: { booking: StayBooking }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  return (
    <Flex gap={24} wrap align="center">
      <QRCode value={booking.code} aria-label={t('stays.booking.code')} />
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('stays.booking.showQr')}</Typography.Text>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'station', label: t('stays.search.station'), children: bilingual(booking.station.name).primary },
            { key: 'dates', label: t('stays.desk.dates'), children: `${booking.checkIn} → ${booking.checkOut} (${t('stays.search.nights', { count: booking.nights })})` },
            { key: 'bed', label: t('stays.booking.bed'), children: `${t('stays.booking.room')} ${booking.bed.room} · ${booking.bed.label}` },
            { key: 'code', label: t('stays.booking.code'), children: <Typography.Text strong copyable>{booking.code}</Typography.Text> },
          ]}
        />
      </Flex>
    </Flex>
  );
}

import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StayBooking } from '../api/stays.api';
import { useBilingual } from '../i18n/use-bilingual';
import { bookingIcs, icsHref } from './booking-ics';
import { formatDay, formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';

/** A map search for an address (a link the guest follows; the page itself calls no map service). */
export const mapLink = (address: string) => `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`;

/**
 * The booking confirmation a graduate keeps: the QR and code to show at the desk, where the
 * station is (with a map link), what to do on arrival, and the stay for their calendar.
 */
export function BookingCard({ booking }: { booking: StayBooking }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const station = bilingual(booking.station.name).primary;
  const address = bilingual(booking.station.address).primary;
  const instructions = t('stays.booking.instructions', { date: formatDay(booking.checkIn, locale), code: booking.code });
  const ics = bookingIcs(booking, {
    title: t('stays.booking.calendarTitle', { station }),
    address,
    description: instructions,
  });
  return (
    <Flex gap={16} wrap align="flex-start" aria-label={t('stays.booking.confirmation')} role="group">
      <QRCode value={booking.code} size={140} aria-label={t('stays.booking.code')} />
      <Flex vertical gap={8} style={{ flex: '1 1 220px', minWidth: 0 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'station', label: t('stays.search.station'), children: station },
            {
              key: 'address',
              label: t('stays.booking.address'),
              children: (
                <span style={{ overflowWrap: 'anywhere' }}>
                  {address} {/* Underlined: a link within the address's text is not told apart by colour alone (axe link-in-text-block). */}
                  <Typography.Link underline href={mapLink(address)} target="_blank" rel="noopener noreferrer">
                    <EnvironmentOutlined aria-hidden /> {t('stays.booking.map')}
                  </Typography.Link>
                </span>
              ),
            },
            {
              key: 'dates',
              label: t('stays.desk.dates'),
              children: t('punct.withNote', {
                text: formatDayRange(booking.checkIn, booking.checkOut, locale),
                note: t('stays.search.nights', { count: booking.nights }),
              }),
            },
            { key: 'bed', label: t('stays.booking.bed'), children: `${t('stays.booking.room')} ${booking.bed.room} · ${booking.bed.label}` },
            {
              key: 'code',
              label: t('stays.booking.code'),
              children: (
                <Typography.Text strong copyable>
                  {booking.code}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Typography.Paragraph style={{ margin: 0 }}>{instructions}</Typography.Paragraph>
        <div>
          <Button icon={<CalendarOutlined />} href={icsHref(ics)} download={`stay-${booking.checkIn}.ics`}>
            {t('stays.booking.addToCalendar')}
          </Button>
        </div>
      </Flex>
    </Flex>
  );
}

import { Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createBooking, type Availability, type StayBooking } from '../api/stays.api';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';

type StationRow = Availability['stations'][number];
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The graduate confirms a bed at a station for the searched dates: a form of no fields on the
 * one pattern, sent with the dialog's Idempotency-Key so a double click books once; a refusal
 * (the bed went, too many nights) shows in the dialog.
 */
export function BookStayModal({
  hub,
  row,
  range,
  onClose,
  onBooked,
}: {
  hub: string;
  row: StationRow;
  range: [Dayjs, Dayjs];
  onClose: () => void;
  onBooked: (booking: StayBooking) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [form] = Form.useForm<Record<string, never>>();
  const book = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => createBooking(hub, { stationId: row.station.id, checkIn: iso(range[0]), checkOut: iso(range[1]) }, key),
    onSuccess: async (booking) => {
      onClose();
      await onBooked(booking);
    },
  });
  const nights = range[1].diff(range[0], 'day');
  return (
    <FormModal
      title={t('stays.search.confirmTitle')}
      onClose={onClose}
      form={form}
      mutation={book}
      name="book-stay"
      okText={t('stays.search.book')}
      intro={
        <Typography.Paragraph>
          {t('stays.search.confirmBody', {
            station: bilingual(row.station.name).primary,
            from: formatDay(iso(range[0]), locale),
            to: formatDay(iso(range[1]), locale),
            nights,
          })}
        </Typography.Paragraph>
      }
    />
  );
}

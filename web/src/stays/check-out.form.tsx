import { Button, Form, Popconfirm } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { checkOut, type StayBooking } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { useHubToday } from './hub-today';

/**
 * The nights a check-out today leaves on the booking and gives back, as the server counts them:
 * a guest who leaves before the last day is charged up to today (at least one night), the rest is freed.
 */
export function checkOutNights(booking: Pick<StayBooking, 'checkIn' | 'checkOut'>, today: Dayjs): { stayed: number; freed: number } {
  const checkIn = dayjs(booking.checkIn);
  const booked = dayjs(booking.checkOut);
  const ends = today.isBefore(booked) ? (today.isAfter(checkIn) ? today : checkIn.add(1, 'day')) : booked;
  return { stayed: ends.diff(checkIn, 'day'), freed: booked.diff(ends, 'day') };
}

/**
 * The desk checks a guest out (early: the nights left are freed), after a confirm that names the
 * guest, the bed, that the stay ends today and the nights given back: a form of one button on
 * the one pattern, sent with the form's Idempotency-Key so a double click or a retry checks out
 * once; a refusal shows above it.
 */
export function CheckOutForm({ hub, booking, onDone }: { hub: string; booking: StayBooking; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const today = useHubToday();
  const [form] = Form.useForm<Record<string, never>>();
  const leave = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => checkOut(hub, booking.id, key),
    onSuccess: onDone,
  });
  const { stayed, freed } = checkOutNights(booking, today);
  const words = { room: booking.bed.room, bed: booking.bed.label, today: formatDay(today.format('YYYY-MM-DD'), locale), stayed, freed };
  return (
    <Form name={`check-out-${booking.id}`} form={form} onValuesChange={leave.onValuesChange} onFinish={leave.submit}>
      <FormFailure failure={leave.failure} />
      <Popconfirm
        title={t('stays.desk.checkOutConfirm', { name: booking.guest.name ? bilingual(booking.guest.name).primary : t('stays.desk.thisGuest') })}
        description={freed > 0 ? t('stays.desk.checkOutEarly', words) : t('stays.desk.checkOutOnTime', words)}
        okText={t('stays.desk.checkOut')}
        cancelText={t('org.cancel')}
        onConfirm={() => form.submit()}
      >
        <Button loading={leave.submitting}>{t('stays.desk.checkOut')}</Button>
      </Popconfirm>
    </Form>
  );
}

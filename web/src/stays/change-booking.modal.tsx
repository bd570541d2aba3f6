import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { changeBooking, type StayBooking } from '../api/stays.api';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { useHubToday } from './hub-today';
import { DayRangePicker } from '../forms/day-range-picker';

type Values = { range: [Dayjs, Dayjs] };
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The graduate moves a booking to other dates: the old bed is given up and a new one taken in
 * one write, sent with the dialog's Idempotency-Key so a double click books once. A date the
 * server refuses (in the past, too many nights, closed) shows under the dates.
 */
export function ChangeBookingModal({
  hub,
  booking,
  onClose,
  onDone,
}: {
  hub: string;
  booking: StayBooking;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const today = useHubToday();
  const [form] = Form.useForm<Values>();
  const change = useFormMutation({
    form,
    idempotent: true,
    fieldFor: (path) => (path === 'checkIn' || path === 'checkOut' ? ['range'] : null),
    mutationFn: (v: Values, key) => changeBooking(hub, booking.id, { checkIn: iso(v.range[0]), checkOut: iso(v.range[1]) }, key),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
  });
  return (
    <FormModal
      title={t('stays.booking.changeTitle')}
      onClose={onClose}
      form={form}
      mutation={change}
      name="change-booking"
      initialValues={{ range: [dayjs(booking.checkIn), dayjs(booking.checkOut)] }}
      okText={t('stays.booking.save')}
    >
      <Form.Item name="range" label={t('stays.search.dates')}>
        <DayRangePicker
          label={t('stays.search.dates')}
          endLabel={t('stays.search.checkOutDay')}
          allowClear={false}
          inputReadOnly
          disabledDate={(d) => d.isBefore(today, 'day')}
        />
      </Form.Item>
    </FormModal>
  );
}

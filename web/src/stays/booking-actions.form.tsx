import { Button, Flex, Form, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { cancelBooking, type StayBooking } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/**
 * What the graduate may do with a confirmed booking: change its dates (its own dialog) or
 * cancel it after a confirm, a form of no fields on the one pattern, sent with the form's
 * Idempotency-Key so a double click or a retry cancels once; a refusal shows here.
 */
export function BookingActions({
  hub,
  booking,
  onChange,
  onDone,
}: {
  hub: string;
  booking: StayBooking;
  onChange: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const cancel = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => cancelBooking(hub, booking.id, key),
    onSuccess: onDone,
  });
  return (
    <Form name={`booking-${booking.id}`} form={form} onValuesChange={cancel.onValuesChange} onFinish={cancel.submit}>
      <FormFailure failure={cancel.failure} />
      <Flex gap={8} wrap>
        <Button onClick={onChange}>{t('stays.booking.change')}</Button>
        <Popconfirm
          title={t('stays.booking.cancelConfirm')}
          okText={t('stays.booking.cancel')}
          okButtonProps={{ danger: true }}
          cancelText={t('stays.booking.keep')}
          onConfirm={() => form.submit()}
        >
          <Button danger loading={cancel.submitting}>
            {t('stays.booking.cancel')}
          </Button>
        </Popconfirm>
      </Flex>
    </Form>
  );
}

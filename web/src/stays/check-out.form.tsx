import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkOut } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/** The desk checks a guest out (early: the nights left are freed): a form of one button on the one pattern; a refusal shows above it. */
export function CheckOutForm({ hub, bookingId, onDone }: { hub: string; bookingId: string; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const leave = useFormMutation({ form, mutationFn: () => checkOut(hub, bookingId), onSuccess: onDone });
  return (
    <Form name={`check-out-${bookingId}`} form={form} onValuesChange={leave.onValuesChange} onFinish={leave.submit}>
      <FormFailure failure={leave.failure} />
      <Button htmlType="submit" loading={leave.submitting}>
        {t('stays.desk.checkOut')}
      </Button>
    </Form>
  );
}

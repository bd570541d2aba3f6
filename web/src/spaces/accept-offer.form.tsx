import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { acceptSpaceOffer } from '../api/spaces.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/**
 * The company takes the space offered to its request: the units become its lease. A form of one
 * button on the one pattern, sent with the form's Idempotency-Key so a double click or a retry
 * signs one lease; a refusal (the offer lapsed) shows above the button.
 */
export function AcceptOfferForm({ hub, requestId, onDone }: { hub: string; requestId: string; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, never>>();
  const accept = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => acceptSpaceOffer(hub, requestId, key),
    onSuccess: async (lease) => {
      message.success(t('spaces.mine.accepted', { ref: lease.ref }));
      await onDone();
    },
  });
  return (
    <Form name={`accept-offer-${requestId}`} form={form} onValuesChange={accept.onValuesChange} onFinish={accept.submit}>
      <FormFailure failure={accept.failure} />
      <Button type="primary" htmlType="submit" loading={accept.submitting}>
        {t('spaces.mine.accept')}
      </Button>
    </Form>
  );
}

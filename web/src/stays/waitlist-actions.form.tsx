import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { acceptOffer, leaveWaitlist, type WaitlistEntry } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

type Change = 'accept' | 'leave';
type Values = { change: Change };

/**
 * A waitlist place: take the bed offered or leave the list. One form on the one pattern whose
 * buttons say which (a hidden field); a refusal (the offer lapsed) shows above them. Taking
 * the bed is sent with the form's Idempotency-Key (the same on a retry, new for another act),
 * so a double click or a retry takes it once; leaving is the same whenever sent and takes none.
 */
export function WaitlistActions({ hub, entry, onDone }: { hub: string; entry: WaitlistEntry; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const act = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (v: Values, key) => (v.change === 'accept' ? acceptOffer(hub, entry.id, key) : leaveWaitlist(hub, entry.id)),
    onSuccess: onDone,
  });
  const pending = (c: Change) => act.submitting && act.mutation.variables?.change === c;
  return (
    <Form<Values> name={`waitlist-${entry.id}`} form={form} initialValues={{ change: 'leave' }} onValuesChange={act.onValuesChange} onFinish={act.submit}>
      <FormFailure failure={act.failure} />
      <Form.Item name="change" hidden>
        <Input />
      </Form.Item>
      <Flex gap={8} wrap>
        {entry.offer && (
          <Button type="primary" loading={pending('accept')} disabled={act.submitting} onClick={() => act.submitWith({ change: 'accept' })}>
            {t('stays.waitlist.accept')}
          </Button>
        )}
        <Button loading={pending('leave')} disabled={act.submitting} onClick={() => act.submitWith({ change: 'leave' })}>
          {t('stays.waitlist.leave')}
        </Button>
      </Flex>
    </Form>
  );
}

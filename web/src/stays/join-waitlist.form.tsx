import { App, Button, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { joinWaitlist } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

type Props = { hub: string; stationId: string; range: [Dayjs, Dayjs]; onDone: () => Promise<unknown> };

/**
 * No bed free for all the nights: the graduate waits for one at this station, a form of one
 * button sent with the form's Idempotency-Key so a double click or a retry joins once; a refusal
 * shows above it. The station and dates are the body but not fields of the form, so other dates
 * (a new search) are a new form: a new key, no old refusal.
 */
export function JoinWaitlistForm(props: Props) {
  return <JoinWaitlist key={`${props.stationId} ${iso(props.range[0])} ${iso(props.range[1])}`} {...props} />;
}

function JoinWaitlist({ hub, stationId, range, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, never>>();
  const wait = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => joinWaitlist(hub, { stationId, startsOn: iso(range[0]), endsOn: iso(range[1]) }, key),
    onSuccess: async (entry) => {
      message.success(t('stays.search.waitlisted', { position: entry.position ?? 1 }));
      await onDone();
    },
  });
  return (
    <Form name={`waitlist-${stationId}`} form={form} onValuesChange={wait.onValuesChange} onFinish={wait.submit}>
      <FormFailure failure={wait.failure} />
      <Button htmlType="submit" block loading={wait.submitting}>
        {t('stays.search.waitlist')}
      </Button>
    </Form>
  );
}

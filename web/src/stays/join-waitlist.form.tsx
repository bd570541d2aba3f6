import { App, Button, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { joinWaitlist } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** No bed free for all the nights: the graduate waits for one at this station, a form of one button; a refusal shows above it. */
export function JoinWaitlistForm({ hub, stationId, range, onDone }: { hub: string; stationId: string; range: [Dayjs, Dayjs]; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, never>>();
  const wait = useFormMutation({
    form,
    mutationFn: () => joinWaitlist(hub, { stationId, startsOn: iso(range[0]), endsOn: iso(range[1]) }),
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

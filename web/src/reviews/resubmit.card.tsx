import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../contracts/programs';
import type { Application } from '../api/programs.api';
import { resubmitApplication } from '../api/reviews.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { minorToInputText } from '../money/money-math';
import { AnswerField, toAnswers, type AnswerValues } from '../programs/answer-fields';
import { useRefreshApplication } from './use-reviews';

type Values = AnswerValues & { reason?: string };

/** A returned application: the applicant changes the answers and sends it again (the reviewers see what changed). */
export function ResubmitCard({ hub, application, fields }: { hub: string; application: Application; fields: readonly FormField[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshApplication(hub, application.id);
  const initial = Object.fromEntries(
    fields.map((f) => {
      const v = application.answers[f.key];
      return [f.key, v === undefined || v === null ? undefined : f.type === 'money' ? minorToInputText(String(v)) : String(v)];
    }),
  );
  const send = useFormMutation({
    form,
    // An answer's problem goes under that answer (answers.<key>), the reason's under the reason.
    fieldFor: (path) => {
      if (path === 'reason') return ['reason'];
      const answer = /^answers\.([^.]+)/.exec(path)?.[1];
      return answer && fields.some((f) => f.key === answer) ? [answer] : null;
    },
    mutationFn: (values: Values) => resubmitApplication(hub, application.id, toAnswers(fields, values), values.reason?.trim() ?? ''),
    onSuccess: refresh,
  });
  return (
    <Card title={t('reviews.applicant.resubmit')}>
      <FormFailure failure={send.failure} />
      <Form<Values> name="resubmit" form={form} layout="vertical" initialValues={initial} onValuesChange={send.onValuesChange} onFinish={send.submit}>
        {fields.map((f) => (
          <AnswerField key={f.key} field={f} />
        ))}
        <Form.Item name="reason" label={t('reviews.applicant.resubmitReason')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.submitting}>
          {t('reviews.applicant.resubmit')}
        </Button>
      </Form>
    </Card>
  );
}

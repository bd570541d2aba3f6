import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../contracts/applications';
import type { FormField } from '../../../contracts/programs';
import { resubmitApplication } from '../api/reviews.api';
import { fenToYuanText } from '../budget/yuan';
import { useErrorText } from '../errors/use-error-text';
import { AnswerField, toAnswers, type AnswerValues } from '../programs/answer-fields';
import { useRefreshApplication } from './use-reviews';

/** A returned application: the applicant changes the answers and sends it again (the reviewers see what changed). */
export function ResubmitCard({ hub, application, fields }: { hub: string; application: Application; fields: readonly FormField[] }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const refresh = useRefreshApplication(hub, application.id);
  const initial = Object.fromEntries(
    fields.map((f) => {
      const v = application.answers[f.key];
      return [f.key, v === undefined || v === null ? undefined : f.type === 'money' ? fenToYuanText(String(v)) : String(v)];
    }),
  );
  const send = useMutation({
    mutationFn: (values: AnswerValues & { reason?: string }) => resubmitApplication(hub, application.id, toAnswers(fields, values), values.reason ?? ''),
    onSuccess: refresh,
  });
  return (
    <Card title={t('reviews.applicant.resubmit')}>
      {send.isError && <Alert type="error" showIcon message={describe(send.error)} style={{ marginBottom: 16 }} />}
      <Form<AnswerValues & { reason?: string }> layout="vertical" initialValues={initial} onFinish={(values) => send.mutate(values)}>
        {fields.map((f) => (
          <AnswerField key={f.key} field={f} />
        ))}
        <Form.Item name="reason" label={t('reviews.applicant.resubmitReason')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {t('reviews.applicant.resubmit')}
        </Button>
      </Form>
    </Card>
  );
}

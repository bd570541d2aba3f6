import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { milestoneReportInputSchema } from '../../../contracts/reviews';
import type { AttachedFile } from '../api/files.api';
import { submitMilestoneReport } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { FileAttachments } from '../programs/file-attachments';

export type MilestoneFormProps = { hub: string; applicationId: string; milestone: string; onDone: () => Promise<unknown> };

type Report = { text: string; attachments?: AttachedFile[] };

/**
 * The awardee reports on a due (or returned) milestone, with files that back it (a financial
 * statement, a progress PDF); a returned report starts from the files it had (`attached`).
 */
export function MilestoneReportForm({ hub, applicationId, milestone, attached = [], onDone }: MilestoneFormProps & { attached?: AttachedFile[] }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Report>();
  const report = useFormMutation({
    form,
    fields: ['text', 'attachments'],
    mutationFn: (v: Report) =>
      submitMilestoneReport(
        hub,
        applicationId,
        milestone,
        v.text.trim(),
        (v.attachments ?? []).map((f) => f.id),
      ),
    onSuccess: async () => {
      form.resetFields();
      await onDone();
    },
  });
  return (
    <Form<Report>
      name={`report-${milestone}`}
      form={form}
      layout="vertical"
      initialValues={{ attachments: attached }}
      onValuesChange={report.onValuesChange}
      onFinish={report.submit}
    >
      <FormFailure failure={report.failure} />
      <Form.Item name="text" label={t('reviews.award.reportText')} rules={[zodRule(milestoneReportInputSchema.shape.text, fieldText)]} required>
        <Input.TextArea rows={3} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="attachments" label={t('programs.files.label')}>
        <FileAttachments hub={hub} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={report.submitting}>
        {t('reviews.award.report')}
      </Button>
    </Form>
  );
}

import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { milestoneReportInputSchema } from '../../../contracts/reviews';
import { submitMilestoneReport } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

export type MilestoneFormProps = { hub: string; applicationId: string; milestone: string; onDone: () => Promise<unknown> };

/** The awardee reports on a due (or returned) milestone. */
export function MilestoneReportForm({ hub, applicationId, milestone, onDone }: MilestoneFormProps) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<{ text: string }>();
  const report = useFormMutation({
    form,
    fields: ['text'],
    mutationFn: (v: { text: string }) => submitMilestoneReport(hub, applicationId, milestone, v.text.trim()),
    onSuccess: async () => {
      form.resetFields();
      await onDone();
    },
  });
  return (
    <Form name={`report-${milestone}`} form={form} layout="vertical" onValuesChange={report.onValuesChange} onFinish={report.submit}>
      <FormFailure failure={report.failure} />
      <Form.Item name="text" label={t('reviews.award.reportText')} rules={[zodRule(milestoneReportInputSchema.shape.text, fieldText)]} required>
        <Input.TextArea rows={3} maxLength={10_000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={report.submitting}>
        {t('reviews.award.report')}
      </Button>
    </Form>
  );
}

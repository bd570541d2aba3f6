import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { milestoneReviewInputSchema } from '../../../contracts/reviews';
import { reviewMilestoneReport } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import type { MilestoneFormProps } from './milestone-report.form';

type Review = { outcome: 'accept' | 'return'; note?: string };

/** The officer accepts a submitted report (a tranche waiting on it is paid: sent with an Idempotency-Key) or returns it with a note. */
export function MilestoneReviewForm({ hub, applicationId, milestone, onDone }: MilestoneFormProps) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Review>();
  const review = useFormMutation({
    form,
    idempotent: true,
    fields: ['note'],
    mutationFn: (v: Review, key) => reviewMilestoneReport(hub, applicationId, milestone, v.outcome, v.note?.trim() ?? '', key),
    onSuccess: onDone,
  });
  const decide = (outcome: Review['outcome']) => () => review.submitWith({ outcome });
  return (
    <Form<Review> name={`review-${milestone}`} form={form} layout="vertical" onValuesChange={review.onValuesChange} onFinish={review.submit}>
      <FormFailure failure={review.failure} />
      <Form.Item name="outcome" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="note" label={t('reviews.award.note')} rules={[zodRule(milestoneReviewInputSchema.shape.note, fieldText, { optional: true })]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" onClick={decide('accept')} loading={review.submitting && review.mutation.variables?.outcome === 'accept'}>
          {t('reviews.award.accept')}
        </Button>
        <Button onClick={decide('return')} loading={review.submitting && review.mutation.variables?.outcome === 'return'}>
          {t('reviews.award.return')}
        </Button>
      </Flex>
    </Form>
  );
}

import { Button, Flex, Form, Input, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { milestoneReviewInputSchema } from '../../../contracts/reviews';
import { reviewMilestoneReport } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useFormatMoney } from '../money/money';
import type { MilestoneFormProps } from './milestone-report.form';

type Review = { outcome: 'accept' | 'return'; note?: string };

/**
 * The officer accepts a submitted report or returns it with a note. Accepting asks first,
 * naming the tranches it pays (`pays`: those waiting on this report) and how much; it is sent
 * with an Idempotency-Key, so a double click pays once.
 */
export function MilestoneReviewForm({
  hub,
  applicationId,
  milestone,
  pays,
  onDone,
}: MilestoneFormProps & { pays: readonly { seq: number; amount: string }[] }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
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
  const payments = pays.map((p) => t('reviews.award.payment', { seq: p.seq, amount: money(p.amount) })).join(t('reviews.board.listSeparator'));
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
        <Popconfirm
          title={pays.length ? t('reviews.award.acceptPays', { payments }) : t('reviews.award.acceptConfirm')}
          okText={t('reviews.award.accept')}
          cancelText={t('org.cancel')}
          onConfirm={decide('accept')}
        >
          <Button type="primary" loading={review.submitting && review.mutation.variables?.outcome === 'accept'}>
            {t('reviews.award.accept')}
          </Button>
        </Popconfirm>
        <Button onClick={decide('return')} loading={review.submitting && review.mutation.variables?.outcome === 'return'}>
          {t('reviews.award.return')}
        </Button>
      </Flex>
    </Form>
  );
}

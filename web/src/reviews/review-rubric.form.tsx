import { Button, Flex, Form, Input, Radio, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { recommendations, reviewInputSchema } from '../../../contracts/reviews';
import { submitReview, type ReviewInput, type ReviewItem } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useBilingual } from '../i18n/use-bilingual';

type Values = { scores: Record<string, number>; comment?: string; recommendation?: ReviewInput['recommendation'] };

const shape = reviewInputSchema.shape;

/** A reviewer's scores on the rubric, comment and recommendation; `onConflict` opens the conflict declaration. */
export function ReviewRubricForm({
  hub,
  item,
  onSubmitted,
  onConflict,
}: {
  hub: string;
  item: ReviewItem;
  onSubmitted: () => Promise<unknown>;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const review = useFormMutation({
    form,
    fields: [...item.rubric.map((c) => ['scores', c.key]), 'comment', 'recommendation'],
    mutationFn: (values: Values) =>
      submitReview(hub, item.applicationId, { scores: values.scores, comment: (values.comment ?? '').trim(), recommendation: values.recommendation! }),
    onSuccess: onSubmitted,
  });
  return (
    <Form<Values> name="review" form={form} layout="vertical" initialValues={{ comment: '' }} onValuesChange={review.onValuesChange} onFinish={review.submit}>
      <FormFailure failure={review.failure} />
      {item.rubric.map((c) => (
        <Form.Item
          key={c.key}
          name={['scores', c.key]}
          label={`${bilingual(c.name).primary} · ${t('reviews.form.weight', { weight: c.weight })} · ${t('reviews.form.scale', { scale: c.scale })}`}
          rules={[{ required: true, message: t('reviews.form.required') }]}
          // A cleared Rate gives 0: that is no score yet, not a score too small.
          normalize={(score?: number) => score || undefined}
        >
          <Rate count={c.scale} aria-label={bilingual(c.name).primary} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('reviews.form.comment')} rules={[zodRule(shape.comment, fieldText, { optional: true })]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      {/* Nothing chosen for the reviewer: a recommendation is theirs to make. */}
      <Form.Item name="recommendation" label={t('reviews.form.recommendation')} rules={[{ required: true, message: t('reviews.form.recommendationRequired') }]}>
        <Radio.Group options={recommendations.map((r) => ({ value: r, label: t(`reviews.form.recommendations.${r}`) }))} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={review.submitting}>
          {t('reviews.form.submit')}
        </Button>
        <Button danger onClick={onConflict}>
          {t('reviews.form.conflict')}
        </Button>
      </Flex>
    </Form>
  );
}

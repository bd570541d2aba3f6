import { Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { decisionInputSchema } from '../../../contracts/reviews';
import { decideApplication, type DecisionInput } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

const shape = decisionInputSchema.shape;

/** An officer's decision with its reason; the key is chosen once per decision, so a double click decides once. */
export function DecisionForm({
  hub,
  applicationId,
  secondApproval,
  onDecided,
}: {
  hub: string;
  applicationId: string;
  secondApproval: boolean;
  onDecided: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<DecisionInput>();
  const decide = useFormMutation({
    form,
    idempotent: true,
    fields: ['outcome', 'reason'],
    mutationFn: (values: DecisionInput, key) => decideApplication(hub, applicationId, { outcome: values.outcome, reason: values.reason.trim() }, key),
    onSuccess: async () => {
      form.resetFields();
      await onDecided();
    },
  });
  const outcomes = secondApproval ? (['approve', 'reject'] as const) : (['approve', 'reject', 'return'] as const);
  return (
    <Form<DecisionInput>
      name="decision"
      form={form}
      layout="vertical"
      initialValues={{ outcome: 'approve', reason: '' }}
      onValuesChange={decide.onValuesChange}
      onFinish={decide.submit}
    >
      <Typography.Title level={5}>{t('reviews.board.decide')}</Typography.Title>
      <FormFailure failure={decide.failure} />
      <Form.Item name="outcome" label={t('reviews.board.outcome')}>
        <Radio.Group
          options={outcomes.map((o) => ({
            value: o,
            label: secondApproval ? t(o === 'approve' ? 'reviews.board.secondApprove' : 'reviews.board.secondReject') : t(`reviews.board.outcomes.${o}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('reviews.board.reason')} rules={[zodRule(shape.reason, fieldText)]} required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.submitting}>
        {t('reviews.board.confirm')}
      </Button>
    </Form>
  );
}

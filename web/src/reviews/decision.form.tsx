import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { decisionInputSchema } from '../../../contracts/reviews';
import { decideApplication, type DecisionInput, type ReviewBoard } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useFormatMoney } from '../money/money';
import { approvalConfirm } from './approval-confirm';

const shape = decisionInputSchema.shape;

type Values = { outcome?: DecisionInput['outcome']; reason: string };

/**
 * An officer's decision with its reason. Nothing is chosen for them; an approval is confirmed
 * first, saying what it does (`approval`: the tranches it pays, or that a second officer
 * decides). The key is chosen once per decision, so a double click decides once.
 */
export function DecisionForm({
  hub,
  applicationId,
  secondApproval,
  approval,
  onDecided,
}: {
  hub: string;
  applicationId: string;
  secondApproval: boolean;
  approval: ReviewBoard['approval'];
  onDecided: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const money = useFormatMoney();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const decide = useFormMutation({
    form,
    idempotent: true,
    fields: ['outcome', 'reason'],
    mutationFn: (values: Values, key) => decideApplication(hub, applicationId, { outcome: values.outcome!, reason: values.reason.trim() }, key),
    onSuccess: async () => {
      form.resetFields();
      await onDecided();
    },
  });
  const submit = (values: Values) => {
    if (values.outcome !== 'approve') return decide.submit(values);
    const { title, content } = approvalConfirm(approval, t, money);
    modal.confirm({
      title,
      content,
      okText: t('reviews.board.approveConfirm.ok'),
      cancelText: t('org.cancel'),
      onOk: () => decide.submit(values),
    });
  };
  const outcomes = secondApproval ? (['approve', 'reject'] as const) : (['approve', 'reject', 'return'] as const);
  return (
    <Form<Values> name="decision" form={form} layout="vertical" initialValues={{ reason: '' }} onValuesChange={decide.onValuesChange} onFinish={submit}>
      <Typography.Title level={5}>{t('reviews.board.decide')}</Typography.Title>
      <FormFailure failure={decide.failure} />
      <Form.Item name="outcome" label={t('reviews.board.outcome')} rules={[{ required: true, message: t('reviews.board.outcomeRequired') }]}>
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

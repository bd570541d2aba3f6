import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reasonInputSchema } from '../../../contracts/reviews';
import { appealDecision, withdrawApplication } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

export type ApplicantAction = 'appeal' | 'withdraw';
type Values = { reason: string };
type Props = { hub: string; applicationId: string; action: ApplicantAction; onClose: () => void; onDone: () => Promise<unknown> };

/**
 * The applicant appeals a rejection or withdraws the application, with the reason the audit
 * log keeps: a form on the one pattern, so a reason the server refuses shows under the reason.
 */
export function ApplicantActionModal({ hub, applicationId, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const act = useFormMutation({
    form,
    fields: ['reason'],
    mutationFn: (v: Values) => (action === 'appeal' ? appealDecision : withdrawApplication)(hub, applicationId, v.reason.trim()),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
  });
  const appeal = action === 'appeal';
  return (
    <FormModal
      title={t(`reviews.applicant.${action}`)}
      onClose={onClose}
      form={form}
      mutation={act}
      name={`applicant-${action}`}
      okText={appeal ? t('reviews.applicant.appealSend') : t('reviews.applicant.withdrawSend')}
      okDanger={!appeal}
      intro={appeal && <Typography.Paragraph>{t('reviews.applicant.appealHint')}</Typography.Paragraph>}
    >
      <Form.Item
        name="reason"
        label={appeal ? t('reviews.applicant.appealReason') : t('reviews.applicant.withdrawReason')}
        rules={[zodRule(reasonInputSchema.shape.reason, fieldText)]}
        required
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reasonInputSchema } from '../../../contracts/reviews';
import { declareConflict } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { reason: string };

/** A reviewer declares a tie to the applicant, with the reason; the application goes to another reviewer. */
export function ConflictModal({
  hub,
  applicationId,
  open,
  onClose,
  onDeclared,
}: {
  hub: string;
  applicationId: string;
  open: boolean;
  onClose: () => void;
  onDeclared: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const conflict = useFormMutation({
    form,
    fields: ['reason'],
    mutationFn: (values: Values) => declareConflict(hub, applicationId, values.reason.trim()),
    onSuccess: onDeclared,
  });
  return (
    <FormModal
      open={open}
      title={t('reviews.form.conflict')}
      onClose={onClose}
      form={form}
      mutation={conflict}
      name="conflict"
      okDanger
      intro={<Typography.Paragraph>{t('reviews.form.conflictConfirm')}</Typography.Paragraph>}
    >
      <Form.Item name="reason" label={t('reviews.form.conflictReason')} rules={[zodRule(reasonInputSchema.shape.reason, fieldText)]} required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

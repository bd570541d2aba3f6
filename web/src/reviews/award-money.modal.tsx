import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { clawBackInputSchema, reasonInputSchema } from '../../../contracts/reviews';
import { clawBackAward, releaseTranche } from '../api/reviews.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { MoneyField } from '../money/money-field';
import { yuanToFen } from '../money/money-math';

type Values = { amount?: string; reason: string };
type Props = { hub: string; applicationId: string; onClose: () => void; onDone: () => Promise<unknown> };

/**
 * Finance moves an award's money by hand: a tranche released early (`seq`) or money clawed
 * back after a breach (no `seq`: an amount and the breach). Sent with the dialog's
 * Idempotency-Key, so a double click or a retry moves the money once.
 */
export function AwardMoneyModal({ hub, applicationId, seq, onClose, onDone }: Props & { seq?: number }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const clawBack = seq === undefined;
  const move = useFormMutation({
    form,
    idempotent: true,
    fields: clawBack ? ['amount', 'reason'] : ['reason'],
    mutationFn: (v: Values, key) =>
      clawBack ? clawBackAward(hub, applicationId, yuanToFen(v.amount!)!, v.reason.trim(), key) : releaseTranche(hub, applicationId, seq, v.reason.trim(), key),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
  });
  const title = clawBack ? t('reviews.award.clawBack') : t('reviews.award.release');
  const reasonLabel = clawBack ? t('reviews.award.clawBackReason') : t('reviews.award.releaseReason');
  const reasonSchema = clawBack ? clawBackInputSchema.shape.reason : reasonInputSchema.shape.reason;

  return (
    <FormModal title={title} onClose={onClose} form={form} mutation={move} name={clawBack ? 'claw-back' : 'release-tranche'} okText={title} okDanger={clawBack}>
      {clawBack && <MoneyField name="amount" label={t('reviews.award.clawBackAmount')} />}
      <Form.Item name="reason" label={reasonLabel} rules={[zodRule(reasonSchema, fieldText)]} required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

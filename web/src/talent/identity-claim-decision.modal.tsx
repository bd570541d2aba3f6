import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { identityClaimDecisionSchema } from '../../../contracts/talent';
import { decideIdentityClaim, type IdentityClaim, type IdentityClaimDecision } from '../api/talent.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { note?: string };

/** The claims of a hub, every status: what a decision makes stale. */
export const identityClaimsKey = (hub: string) => ['hubs', hub, 'talent', 'identity-claims'] as const;

/**
 * Approve or reject one claim, with an optional note: the dialog says first what the decision
 * does to the records. Mounted only while open.
 */
export function IdentityClaimDecisionModal({
  hub,
  claim,
  claimantName,
  decision,
  onClose,
}: {
  hub: string;
  claim: IdentityClaim;
  claimantName: string;
  decision: IdentityClaimDecision['decision'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const approve = decision === 'approved';
  const decide = useFormMutation({
    form,
    fields: ['note'],
    mutationFn: (values: Values) => decideIdentityClaim(hub, claim.id, { decision, note: values.note?.trim() ?? '' }),
    onSuccess: async () => {
      message.success(approve ? t('stays.claims.approved') : t('stays.claims.rejected'));
      await client.invalidateQueries({ queryKey: identityClaimsKey(hub) });
      onClose();
    },
  });
  const name = { name: claimantName };
  const effect = approve
    ? claim.person.usedByAnotherAccount
      ? t('stays.claims.approveMoves', name)
      : t('stays.claims.approveLinks', name)
    : t('stays.claims.rejectIntro');
  return (
    <FormModal
      title={approve ? t('stays.claims.approveTitle', name) : t('stays.claims.rejectTitle', name)}
      onClose={onClose}
      form={form}
      mutation={decide}
      name={`identity-claim-${decision}`}
      okText={approve ? t('stays.claims.approve') : t('stays.claims.reject')}
      okDanger={!approve}
      intro={<Typography.Paragraph>{effect}</Typography.Paragraph>}
    >
      <Form.Item name="note" label={t('stays.claims.note')} rules={[zodRule(identityClaimDecisionSchema.shape.note, fieldText, { optional: true })]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

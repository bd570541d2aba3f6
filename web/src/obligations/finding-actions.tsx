import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealFindingInputSchema, decideFindingInputSchema, recordRepaymentInputSchema, writeOffInputSchema } from '../../../contracts/obligations';
import { appealFinding, decideFinding, recordRepayment, writeOffRecovery, type ObligationFinding } from '../api/obligations.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { MoneyField } from '../money/money-field';
import { yuanToFen } from '../money/money-math';

type Action = ObligationFinding['actions'][number];

/** The buttons the server says the caller may press on a finding, each opening its dialog. */
export function FindingActions({ hub, finding }: { hub: string; finding: ObligationFinding }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const label: Record<Action, string> = {
    decide: t('obligations.decide'),
    decide_appeal: t('obligations.decideAppeal'),
    appeal: t('obligations.appeal'),
    record_repayment: t('obligations.recordRepayment'),
    write_off: finding.recovery?.status === 'write_off_requested' ? t('obligations.writeOffApprove') : t('obligations.writeOff'),
  };
  return (
    <Flex gap={8} wrap>
      {finding.actions.map((a) => (
        <Button
          key={a}
          size="small"
          danger={a === 'write_off'}
          type={a === 'decide' || a === 'decide_appeal' ? 'primary' : 'default'}
          onClick={() => setOpen(a)}
        >
          {label[a]}
        </Button>
      ))}
      {open && <ActionDialog hub={hub} finding={finding} action={open} title={label[open]} onClose={() => setOpen(null)} />}
    </Flex>
  );
}

type Values = { decision: 'breach' | 'dismiss'; amount?: string; receivedOn?: Dayjs; reason?: string };

const day = (value: unknown) => (value as Dayjs).format('YYYY-MM-DD');
/** The server names the note of a repayment `note`; the form shows it in the one text field. */
const fieldFor = (path: string) => {
  const head = path.split('.')[0] ?? '';
  if (head === 'note') return ['reason'];
  return ['decision', 'amount', 'receivedOn', 'reason'].includes(head) ? [head] : null;
};

function ActionDialog({
  hub,
  finding,
  action,
  title,
  onClose,
}: {
  hub: string;
  finding: ObligationFinding;
  action: Action;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const recoveryId = finding.recovery?.id ?? '';
  const decide = action === 'decide' || action === 'decide_appeal';
  const repay = action === 'record_repayment';
  const act = useFormMutation({
    form,
    // Deciding, a repayment and a write-off move money: each dialog's write happens once.
    idempotent: true,
    fieldFor,
    mutationFn: (v: Values, key) => {
      const reason = v.reason?.trim() ?? '';
      if (decide) return decideFinding(hub, finding.id, { decision: v.decision, reason }, key);
      if (action === 'appeal') return appealFinding(hub, finding.id, reason);
      if (repay) return recordRepayment(hub, recoveryId, { amount: yuanToFen(v.amount!)!, receivedOn: day(v.receivedOn), note: reason }, key);
      return writeOffRecovery(hub, recoveryId, reason, key);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['obligation-findings', hub] });
      onClose();
    },
  });
  const reasonLabel = repay
    ? t('obligations.note')
    : action === 'write_off'
      ? t('obligations.writeOffReason')
      : action === 'appeal'
        ? t('obligations.appealReason')
        : t('obligations.reason');
  const reasonSchema = repay
    ? recordRepaymentInputSchema.shape.note
    : action === 'write_off'
      ? writeOffInputSchema.shape.reason
      : action === 'appeal'
        ? appealFindingInputSchema.shape.reason
        : decideFindingInputSchema.shape.reason;
  return (
    <FormModal
      title={title}
      onClose={onClose}
      form={form}
      mutation={act}
      name={`finding-${action}`}
      initialValues={{ decision: 'breach', receivedOn: dayjs() }}
      okDanger={action === 'write_off'}
    >
      {decide && (
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'breach', label: action === 'decide' ? t('obligations.breach') : t('obligations.upholdAppeal') },
              { value: 'dismiss', label: action === 'decide' ? t('obligations.dismiss') : t('obligations.grantAppeal') },
            ]}
          />
        </Form.Item>
      )}
      {repay && <MoneyField name="amount" label={t('obligations.amount')} />}
      {repay && (
        <Form.Item
          name="receivedOn"
          label={t('obligations.receivedOn')}
          rules={[zodRule(recordRepaymentInputSchema.shape.receivedOn, fieldText, { toInput: day })]}
          required
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={reasonLabel} rules={[zodRule(reasonSchema, fieldText, { optional: repay })]} required={!repay}>
        <Input.TextArea maxLength={repay ? 500 : 2000} />
      </Form.Item>
    </FormModal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Radio, Space } from 'antd';

import { useTranslation } from 'react-i18next';
import { closeFiscalYear, type CloseYearInput } from '../api/budget.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { budgetKey } from './use-budget';

/** Closing is final: the person picks what happens to unpaid commitments and says why. */
export function CloseYearModal({ hub, year, open, onClose }: { hub: string; year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseYearInput>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();

  const save = useFormMutation({
    form,
    fields: ['decision', 'note'],
    mutationFn: async (values: CloseYearInput) => {
      await closeFiscalYear(hub, year, { decision: values.decision, note: values.note.trim() });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.closed', { year }));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('budget.closeTitle', { year })}
      open={open}
      onClose={onClose}
      form={form}
      mutation={save}
      name="close-year"
      initialValues={{ decision: 'void' }}
      okText={t('budget.closeConfirm', { year })}
      okDanger
      intro={<Alert type="warning" role="note" showIcon title={t('budget.closeWarning')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item label={t('budget.closeDecision')} name="decision">
        <Radio.Group>
          <Space orientation="vertical">
            <Radio value="void">{t('budget.decisionVoid')}</Radio>
            <Radio value="carry_forward">{t('budget.decisionCarry', { next: year + 1 })}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('budget.closeNote')} name="note" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

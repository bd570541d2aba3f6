import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeFiscalYear, type CloseYearInput } from '../api/budget.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { placeFailure } from './form-failure';
import { budgetKey } from './use-budget';

/** Closing is final: the person picks what happens to unpaid commitments and says why. */
export function CloseYearModal({ hub, year, open, onClose }: { hub: string; year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseYearInput>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const onFinish = async (values: CloseYearInput) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await closeFiscalYear(hub, year, { decision: values.decision, note: values.note.trim() });
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.closed', { year }));
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(placeFailure(form, error, ['decision', 'note'], fieldText));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t('budget.closeTitle', { year })}
      open={open}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('budget.closeConfirm', { year })}
      okButtonProps={{ danger: true }}
      cancelText={t('org.cancel')}
      confirmLoading={submitting}
      forceRender
    >
      <Alert type="warning" role="note" showIcon message={t('budget.closeWarning')} style={{ marginBottom: 16 }} />
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<CloseYearInput> name="close-year" form={form} layout="vertical" initialValues={{ decision: 'void' }} onFinish={(values) => void onFinish(values)}>
        <Form.Item label={t('budget.closeDecision')} name="decision">
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="void">{t('budget.decisionVoid')}</Radio>
              <Radio value="carry_forward">{t('budget.decisionCarry', { next: year + 1 })}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('budget.closeNote')} name="note" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

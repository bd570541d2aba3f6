import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetLineInputSchema } from '../../../contracts/budget';
import { createBudgetLine } from '../api/budget.api';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodFieldCode } from '../errors/zod-field-code';
import { AmountField } from './amount-field';
import { placeFailure } from './form-failure';
import { budgetKey } from './use-budget';
import { yuanToFen } from './yuan';

type Values = { code: string; name: { zh: string; en: string }; amount: string };

/** A new budget line, funded from what the envelope has unallocated. */
export function LineFormModal({ hub, year, open, onClose }: { hub: string; year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // One transfer id per form fill: a double click or a retry funds the line once.
  const transferId = useRef(newIdempotencyKey());

  const schemaRule = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: unknown[] } } }) => ({
    validator: async (_rule: unknown, value: string | undefined) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(fieldText(zodFieldCode(result.error!.issues[0] as never, value)));
    },
  });

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await createBudgetLine(hub, year, {
        code: values.code.trim(),
        name: { zh: values.name.zh.trim(), en: values.name.en.trim() },
        amount: yuanToFen(values.amount)!,
        transferId: transferId.current,
      });
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.lineCreated'));
      form.resetFields();
      transferId.current = newIdempotencyKey();
      onClose();
    } catch (error) {
      setFailure(placeFailure(form, error, ['code', 'name.zh', 'name.en'], fieldText));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t('budget.newLineTitle', { year })}
      open={open}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('budget.createLine')}
      cancelText={t('org.cancel')}
      confirmLoading={submitting}
      width={640}
      forceRender
    >
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        name="budget-line"
        form={form}
        layout="vertical"
        onValuesChange={() => {
          transferId.current = newIdempotencyKey();
          setFailure(null);
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item label={t('budget.lineCode')} name="code" extra={t('budget.lineCodeHint')} rules={[schemaRule(budgetLineInputSchema.shape.code)]} required>
          <Input maxLength={40} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('budget.lineNameZh')} name={['name', 'zh']} rules={[schemaRule(budgetLineInputSchema.shape.name.shape.zh)]} required>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('budget.lineNameEn')} name={['name', 'en']} rules={[schemaRule(budgetLineInputSchema.shape.name.shape.en)]} required>
              <Input maxLength={160} />
            </Form.Item>
          </Col>
        </Row>
        <AmountField name="amount" label={t('budget.lineAmount')} />
      </Form>
    </Modal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeFont } from '../theme/use-code-font';
import { budgetLineInputSchema } from '../../../contracts/budget';
import { createBudgetLine } from '../api/budget.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { budgetKey } from './use-budget';
import { yuanToFen } from '../money/money-math';
import { MoneyField } from '../money/money-field';

type Values = { code: string; name: { zh: string; en: string }; amount: string };

/** A new budget line, funded from what the envelope has unallocated. */
export function LineFormModal({ hub, year, open, onClose }: { hub: string; year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const codeFont = useCodeFont();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();

  const save = useFormMutation({
    form,
    // One transfer id per form fill: a double click or a retry funds the line once.
    idempotent: true,
    fields: ['code', 'name.zh', 'name.en'],
    mutationFn: async (values: Values, transferId) => {
      await createBudgetLine(hub, year, {
        code: values.code.trim(),
        name: { zh: values.name.zh.trim(), en: values.name.en.trim() },
        amount: yuanToFen(values.amount)!,
        transferId,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.lineCreated'));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('budget.newLineTitle', { year })}
      open={open}
      onClose={onClose}
      form={form}
      mutation={save}
      name="budget-line"
      okText={t('budget.createLine')}
      width={640}
    >
      <Form.Item
        label={t('budget.lineCode')}
        name="code"
        extra={t('budget.lineCodeHint')}
        rules={[zodRule(budgetLineInputSchema.shape.code, fieldText)]}
        required
      >
        <Input maxLength={40} autoComplete="off" spellCheck={false} style={codeFont} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('budget.lineNameZh')} name={['name', 'zh']} rules={[zodRule(budgetLineInputSchema.shape.name.shape.zh, fieldText)]} required>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('budget.lineNameEn')} name={['name', 'en']} rules={[zodRule(budgetLineInputSchema.shape.name.shape.en, fieldText)]} required>
            <Input maxLength={160} />
          </Form.Item>
        </Col>
      </Row>
      <MoneyField name="amount" label={t('budget.lineAmount')} />
    </FormModal>
  );
}

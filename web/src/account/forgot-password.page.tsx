import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { requestPasswordResetInputSchema } from '../../../contracts/account';
import { requestPasswordReset } from '../api/account.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { email: string };

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const request = useFormMutation({ form, fields: ['email'], mutationFn: ({ email }: Values) => requestPasswordReset(email.trim()) });

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('account.forgotTitle')}
      </Typography.Title>
      {request.mutation.isSuccess ? (
        <Alert type="success" showIcon role="status" title={t('account.sent')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('account.forgotIntro')}</Typography.Paragraph>
          <FormFailure failure={request.failure} />
          <Form<Values>
            name="forgot-password"
            form={form}
            layout="vertical"
            onFinish={request.submit}
            onValuesChange={request.onValuesChange}
            requiredMark={false}
          >
            <Form.Item
              label={t('auth.email')}
              name="email"
              rules={[zodRule(requestPasswordResetInputSchema.shape.email, fieldText, { toInput: (v) => String(v).trim() })]}
            >
              <Input type="email" autoComplete="email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={request.submitting}>
              {t('account.send')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signIn, signUp } from '../api/auth.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { NewPasswordField } from './new-password-field';
import { safeNext } from './safe-next';
import { meQueryKey } from './use-me';

type SignUpValues = { name: string; email: string; password: string };

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const next = safeNext(params.get('next'));
  const [form] = Form.useForm<SignUpValues>();
  const signUpNow = useFormMutation({
    form,
    fields: ['name', 'email', 'password'],
    mutationFn: async (values: SignUpValues) => {
      const email = values.email.trim();
      // Sign-up answers alike for a new and a taken address; signing in is the next step.
      await signUp({ name: values.name.trim(), email, password: values.password });
      await signIn({ email, password: values.password });
      return email;
    },
    onSuccess: async (email) => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      message.info(t('account.checkEmail', { email }), 8);
      navigate(next, { replace: true });
    },
  });

  return (
    <Card style={{ maxWidth: 460, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('auth.signUpTitle')}
      </Typography.Title>
      <FormFailure failure={signUpNow.failure} />
      <Form<SignUpValues> form={form} layout="vertical" onFinish={signUpNow.submit} requiredMark={false}>
        <Form.Item label={t('auth.name')} name="name" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <NewPasswordField label={t('auth.password')} />
        <Button type="primary" htmlType="submit" block loading={signUpNow.submitting}>
          {t('auth.signUp')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.haveAccount')} <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('auth.signIn')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { signIn } from '../api/auth.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { safeNext } from './safe-next';
import { meQueryKey } from './use-me';

type SignInValues = { email: string; password: string };

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  const onFinish = async (values: SignInValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn({ email: values.email.trim(), password: values.password });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  // better-auth answers 401 for both unknown email and wrong password: say so, without telling which.
  const failureText =
    failure === null ? null : isApiRequestError(failure) && failure.status === 401 ? t('auth.wrongCredentials') : describe(failure);

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={3}>{t('auth.signInTitle')}</Typography.Title>
      {failureText && <Alert type="error" showIcon message={failureText} style={{ marginBottom: 16 }} role="alert" />}
      <Form<SignInValues> layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false}>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}>
          <Input type="email" autoComplete="email" autoFocus />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.signIn')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.noAccount')} <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>{t('auth.signUp')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

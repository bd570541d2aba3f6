import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contracts/auth';
import { signUp } from '../api/auth.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { safeNext } from './safe-next';
import { meQueryKey } from './use-me';

type SignUpValues = { name: string; email: string; password: string };

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  const onFinish = async (values: SignUpValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signUp({ name: values.name.trim(), email: values.email.trim(), password: values.password });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card style={{ maxWidth: 460, margin: '48px auto' }}>
      <Typography.Title level={3}>{t('auth.signUpTitle')}</Typography.Title>
      {failure !== null && <Alert type="error" showIcon message={describe(failure)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<SignUpValues> layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false}>
        <Form.Item label={t('auth.name')} name="name" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
          <Input autoComplete="name" autoFocus />
        </Form.Item>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          extra={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          rules={[
            { required: true, min: PASSWORD_MIN_LENGTH, message: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
            { max: PASSWORD_MAX_LENGTH, message: fieldText('TOO_LONG') },
          ]}
        >
          <Input.Password autoComplete="new-password" showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.signUp')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.haveAccount')} <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('auth.signIn')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

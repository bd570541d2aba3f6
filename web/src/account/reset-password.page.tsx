import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { resetPassword } from '../api/account.api';
import { isApiRequestError } from '../api/api-request-error';
import { NewPasswordField } from '../auth/new-password-field';
import { meQueryKey } from '../auth/use-me';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/** Where the reset link lands: a new password ends every session. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useFormMutation({
    form,
    // The server names the new password `newPassword`; here it is the one field `password`.
    fieldFor: (path) => (path === 'newPassword' ? ['password'] : null),
    mutationFn: ({ password }: { password: string }) => resetPassword(token, password),
    onSuccess: () => client.setQueryData(meQueryKey, null),
  });
  const invalid = !token || (isApiRequestError(reset.failure) && reset.failure.code === 'INVALID_TOKEN');

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('account.resetTitle')}
      </Typography.Title>
      {reset.mutation.isSuccess ? (
        <>
          <Alert type="success" showIcon role="status" title={t('account.resetDone')} style={{ marginBottom: 16 }} />
          <Link to="/sign-in">{t('auth.signIn')}</Link>
        </>
      ) : invalid ? (
        <>
          <Alert type="warning" showIcon role="alert" title={t('account.linkInvalid')} style={{ marginBottom: 16 }} />
          <Link to="/forgot-password">{t('account.forgot')}</Link>
        </>
      ) : (
        <>
          <FormFailure failure={reset.failure} />
          <Form<{ password: string }> form={form} layout="vertical" onFinish={reset.submit} requiredMark={false}>
            <NewPasswordField label={t('account.newPassword')} />
            <Button type="primary" htmlType="submit" block loading={reset.submitting}>
              {t('account.reset')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

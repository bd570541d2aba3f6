import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/account.api';
import { NewPasswordField } from '../auth/new-password-field';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { ReauthFields } from '../two-factor/reauth-fields';
import { useWrongPassword } from '../two-factor/wrong-password';
import { sessionsQueryKey } from './sessions.card';

type Values = { currentPassword: string; newPassword: string; code?: string };

/** Changing the password: the current one, the new one, and a current code once the account has a second factor. */
export function ChangePasswordForm({ withCode }: { withCode: boolean }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useFormMutation({
    form,
    fields: ['currentPassword', 'newPassword', 'code'],
    mutationFn: (values: Values) =>
      changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        revokeOtherSessions: true,
        ...(withCode && { code: values.code?.trim() }),
      }),
    onSuccess: async () => {
      form.resetFields();
      message.success(t('account.passwordChanged'));
      await client.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  });
  const wrongPassword = useWrongPassword(change.failure);
  return (
    <>
      <FormFailure failure={wrongPassword.failure} />
      <Form<Values> name="change-password" form={form} layout="vertical" requiredMark={false} onFinish={change.submit} onValuesChange={change.onValuesChange}>
        <Form.Item
          label={t('account.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: fieldText('REQUIRED') }]}
          {...wrongPassword.passwordItem}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordField name="newPassword" label={t('account.newPassword')} />
        {withCode && <ReauthFields password={false} code />}
        <Button htmlType="submit" loading={change.submitting}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </>
  );
}

import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { disableTwoFactorInputSchema } from '../../../contracts/two-factor';
import { disableTwoFactor } from '../api/two-factor.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useWrongPassword } from './wrong-password';

/** Turning the second factor off, with the password. */
export function DisableTwoFactorForm({ onDisabled }: { onDisabled: () => unknown }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<{ password: string }>();
  const disable = useFormMutation({
    form,
    fields: ['password'],
    mutationFn: (values: { password: string }) => disableTwoFactor(values.password),
    onSuccess: onDisabled,
  });
  const wrongPassword = useWrongPassword(disable.failure);
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('twoFactor.disableTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('twoFactor.disableIntro')}</Typography.Paragraph>
      <FormFailure failure={wrongPassword.failure} />
      <Form name="disable-two-factor" form={form} layout="vertical" requiredMark={false} onFinish={disable.submit} onValuesChange={disable.onValuesChange}>
        <Form.Item
          name="password"
          label={t('twoFactor.password')}
          rules={[zodRule(disableTwoFactorInputSchema.shape.password, fieldText)]}
          {...wrongPassword.passwordItem}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button danger htmlType="submit" loading={disable.submitting}>
          {t('twoFactor.disable')}
        </Button>
      </Form>
    </>
  );
}

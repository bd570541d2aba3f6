import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contracts/auth';
import { useFieldErrorText } from '../errors/use-field-error-text';

/**
 * The one "choose a password" field (sign-up, reset, accepting an invitation, changing it):
 * the server's length limits, its hint, a password manager's new-password slot.
 */
export function NewPasswordField({ name = 'password', label }: { name?: string; label: string }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  return (
    <Form.Item
      label={label}
      name={name}
      extra={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      rules={[
        { required: true, min: PASSWORD_MIN_LENGTH, message: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
        { max: PASSWORD_MAX_LENGTH, message: fieldText('TOO_LONG') },
      ]}
    >
      <Input.Password autoComplete="new-password" showCount />
    </Form.Item>
  );
}

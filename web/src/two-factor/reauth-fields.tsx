import { Form, Input, Typography, type FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { reauthenticationSchema } from '../../../contracts/auth-session';
import { totpCodeSchema } from '../../../contracts/two-factor';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodRule } from '../forms/zod-rule';

/**
 * Re-authentication before a sensitive act (a new API token, a password change): the
 * password again (`password`, unless the form asks for it already) and, once the account
 * has a second factor, a current code. Named under `prefix` (`confirm` for a token).
 * `passwordItem` goes on the password's field (useWrongPassword's: a wrong password said under it).
 */
export function ReauthFields({
  prefix = [],
  password = true,
  code,
  passwordItem,
}: {
  prefix?: string[];
  password?: boolean;
  code: boolean;
  passwordItem?: Pick<FormItemProps, 'validateStatus' | 'help'>;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('twoFactor.reauthIntro')}</Typography.Paragraph>
      {password && (
        <Form.Item
          name={[...prefix, 'password']}
          label={t('twoFactor.reauthPassword')}
          rules={[zodRule(reauthenticationSchema.shape.password, fieldText)]}
          required
          {...passwordItem}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      )}
      {code && (
        <Form.Item
          name={[...prefix, 'code']}
          label={t('twoFactor.reauthCode')}
          rules={[{ ...zodRule(totpCodeSchema, fieldText), message: t('twoFactor.codeFormat') }]}
          required
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
      )}
    </>
  );
}

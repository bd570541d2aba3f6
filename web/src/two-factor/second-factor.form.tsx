import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupCodeSchema, totpCodeSchema } from '../../../contracts/two-factor';
import { isApiRequestError } from '../api/api-request-error';
import { verifyBackupCode, verifyTotp } from '../api/two-factor.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useSignInFailureText } from './locked-text';

type Values = { code: string };

/** What the code field itself answers for (the rest is a sentence above the form). */
const ON_THE_FIELD = new Set(['TWO_FACTOR_CODE_WRONG', 'ACCOUNT_LOCKED', 'VALIDATION_FAILED']);

/**
 * The second step of a sign-in, after the password: a code from the authenticator app, or
 * one of the backup codes. A wrong code and a lockout (with the time it ends) show under
 * the field; an expired step offers to start again.
 */
export function SecondFactorForm({ onSignedIn, onStartAgain }: { onSignedIn: () => unknown; onStartAgain: () => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const failureText = useSignInFailureText();
  const [form] = Form.useForm<Values>();
  const [backup, setBackup] = useState(false);
  const verify = useFormMutation({
    form,
    fieldFor: () => null,
    mutationFn: (values: Values) => (backup ? verifyBackupCode(values.code.trim()) : verifyTotp(values.code.trim())),
    onSuccess: onSignedIn,
  });
  const failure = verify.failure;
  const onField = isApiRequestError(failure) && ON_THE_FIELD.has(failure.code);
  const expired = isApiRequestError(failure) && failure.code === 'TWO_FACTOR_EXPIRED';
  const toggle = () => {
    setBackup(!backup);
    form.resetFields();
    verify.clearFailure();
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('twoFactor.codeTitle')}
      </Typography.Title>
      <Typography.Paragraph>{backup ? t('twoFactor.backupIntro') : t('twoFactor.codeIntro')}</Typography.Paragraph>
      {!onField && <FormFailure failure={failure} />}
      <Form<Values> name="second-factor" form={form} layout="vertical" requiredMark={false} onFinish={verify.submit} onValuesChange={verify.onValuesChange}>
        <Form.Item
          name="code"
          label={backup ? t('twoFactor.backupCode') : t('twoFactor.code')}
          rules={[backup ? zodRule(backupCodeSchema, fieldText) : { ...zodRule(totpCodeSchema, fieldText), message: t('twoFactor.codeFormat') }]}
          {...(onField && { validateStatus: 'error' as const, help: failureText(failure) })}
        >
          {backup ? <Input autoComplete="off" maxLength={32} /> : <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />}
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.submitting}>
          {t('twoFactor.verify')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {expired ? (
          <Button type="link" onClick={onStartAgain} style={{ padding: 0 }}>
            {t('twoFactor.startAgain')}
          </Button>
        ) : (
          <Button type="link" onClick={toggle} style={{ padding: 0 }}>
            {backup ? t('twoFactor.useApp') : t('twoFactor.useBackup')}
          </Button>
        )}
      </Typography.Paragraph>
    </>
  );
}

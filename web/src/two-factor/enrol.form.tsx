import { Button, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enableTwoFactorInputSchema, totpCodeSchema } from '../../../contracts/two-factor';
import { enableTwoFactor, verifyTotp, type TwoFactorEnrolment } from '../api/two-factor.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useWrongPassword } from './wrong-password';

/** The key inside an otpauth:// URI, in groups of four to type by hand. */
export function secretOf(totpURI: string): string {
  const secret = new URL(totpURI).searchParams.get('secret') ?? '';
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Enrolling an authenticator app: the password, then the QR code (drawn here, no other
 * host involved) and its key as text, then a first code; `onEnrolled` gets the backup codes.
 */
export function EnrolForm({ onEnrolled }: { onEnrolled: (backupCodes: string[]) => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const start = useFormMutation({
    form: passwordForm,
    fields: ['password'],
    mutationFn: (values: { password: string }) => enableTwoFactor(values.password),
    onSuccess: (result) => setEnrolment(result),
  });
  const wrongPassword = useWrongPassword(start.failure);
  const confirm = useFormMutation({
    form: codeForm,
    fields: ['code'],
    mutationFn: (values: { code: string }) => verifyTotp(values.code.trim()),
    onSuccess: () => onEnrolled(enrolment?.backupCodes ?? []),
  });

  if (!enrolment) {
    return (
      <>
        <FormFailure failure={wrongPassword.failure} />
        <Form name="enrol-password" form={passwordForm} layout="vertical" requiredMark={false} onFinish={start.submit} onValuesChange={start.onValuesChange}>
          <Form.Item
            name="password"
            label={t('twoFactor.password')}
            rules={[zodRule(enableTwoFactorInputSchema.shape.password, fieldText)]}
            {...wrongPassword.passwordItem}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.submitting}>
            {t('twoFactor.start')}
          </Button>
        </Form>
      </>
    );
  }
  return (
    <>
      <Typography.Paragraph>{t('twoFactor.scan')}</Typography.Paragraph>
      <Flex gap={24} wrap align="center" style={{ marginBottom: 16 }}>
        <div data-testid="totp-qr">
          <QRCode value={enrolment.totpURI} size={184} bordered={false} aria-label={t('twoFactor.qrLabel')} />
        </div>
        <div>
          <Typography.Text type="secondary">{t('twoFactor.secret')}</Typography.Text>
          <Typography.Paragraph
            code
            copyable={{ text: secretOf(enrolment.totpURI).replace(/ /g, '') }}
            data-testid="totp-secret"
            style={{ wordBreak: 'break-all' }}
          >
            {secretOf(enrolment.totpURI)}
          </Typography.Paragraph>
        </div>
      </Flex>
      <FormFailure failure={confirm.failure} />
      <Form name="enrol-code" form={codeForm} layout="vertical" requiredMark={false} onFinish={confirm.submit} onValuesChange={confirm.onValuesChange}>
        <Form.Item name="code" label={t('twoFactor.firstCode')} rules={[{ ...zodRule(totpCodeSchema, fieldText), message: t('twoFactor.codeFormat') }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.submitting}>
          {t('twoFactor.confirm')}
        </Button>
      </Form>
    </>
  );
}

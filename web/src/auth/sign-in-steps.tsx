import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/api-request-error';
import { signIn } from '../api/auth.api';
import { asksForSecondFactor } from '../api/two-factor.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useFormMutation } from '../forms/use-form-mutation';
import { useSignInFailureText } from '../two-factor/locked-text';
import { SecondFactorForm } from '../two-factor/second-factor.form';

type SignInValues = { email: string; password: string };

/**
 * The one way to sign in: e-mail and password, then a code (or a backup code) when the
 * account has a second factor; `onSignedIn` once there is a session. With `email` the
 * address is fixed (an invitation names it). The sign-in page and the invitation page use it;
 * `header` and `footer` go with the password step only.
 */
export function SignInSteps({
  email,
  onSignedIn,
  submitLabel,
  header,
  footer,
}: {
  email?: string;
  onSignedIn: () => unknown;
  submitLabel?: string;
  /** Shown with the password step only (the code step has its own heading). */
  header?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const failureTextOf = useSignInFailureText();
  const [form] = Form.useForm<SignInValues>();
  const [secondStep, setSecondStep] = useState(false);
  const submit = useFormMutation({
    form,
    mutationFn: (values: SignInValues) => signIn({ email: (email ?? values.email).trim(), password: values.password }),
    onSuccess: async (result) => {
      if (asksForSecondFactor(result)) setSecondStep(true);
      else await onSignedIn();
    },
  });

  if (secondStep) return <SecondFactorForm onSignedIn={onSignedIn} onStartAgain={() => setSecondStep(false)} />;

  // better-auth answers 401 for both unknown email and wrong password: say so, without telling which.
  const failure = submit.failure;
  const failureText = failure === null ? null : isApiRequestError(failure) && failure.status === 401 ? t('auth.wrongCredentials') : failureTextOf(failure);
  return (
    <>
      {header}
      {failureText && <Alert type="error" showIcon title={failureText} style={{ marginBottom: 16 }} role="alert" />}
      <Form<SignInValues> form={form} layout="vertical" onFinish={submit.submit} requiredMark={false} initialValues={{ email: email ?? '' }}>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}>
          <Input type="email" autoComplete="email" readOnly={email !== undefined} />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.submitting}>
          {submitLabel ?? t('auth.signIn')}
        </Button>
      </Form>
      {footer}
    </>
  );
}

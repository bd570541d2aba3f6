import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAfterSignIn } from '../two-factor/use-after-sign-in';
import { safeNext } from './safe-next';
import { SignInSteps } from './sign-in-steps';

/** Sign in: e-mail and password, then a code when the account has a second factor. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const afterSignIn = useAfterSignIn();
  const next = safeNext(params.get('next'));
  // Sent here because the server ended the session (SessionExpiryRedirect): say why.
  const expired = params.get('expired') === '1';
  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <SignInSteps
        onSignedIn={() => afterSignIn(next)}
        header={
          <>
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              {t('auth.signInTitle')}
            </Typography.Title>
            {expired && <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
          </>
        }
        footer={
          <>
            <Typography.Paragraph style={{ marginTop: 16 }}>
              <Link to="/forgot-password" style={{ textDecoration: 'underline' }}>
                {t('account.forgot')}
              </Link>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('auth.noAccount')}{' '}
              <Link to={`/sign-up?next=${encodeURIComponent(next)}`} style={{ textDecoration: 'underline' }}>
                {t('auth.signUp')}
              </Link>
            </Typography.Paragraph>
          </>
        }
      />
    </Card>
  );
}

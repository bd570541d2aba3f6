import { Alert, App, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { sendVerificationEmail } from '../api/account.api';
import { useMe } from '../auth/use-me';
import { ActionForm } from '../forms/action-form';
import { PageLoading } from '../layout/page-states';
import { useSessionAccount } from '../two-factor/use-two-factor-state';
import { ChangeEmailForm } from './change-email.form';
import { ChangePasswordForm } from './change-password.form';
import { SessionsCard } from './sessions.card';

/** The person's own account: address and its confirmation, password, sessions. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const current = useSessionAccount(Boolean(me.data));
  const twoFactorOn = current.data?.user.twoFactorEnabled === true;

  if (me.isPending) return <PageLoading />;
  if (!me.data) return <Navigate to="/sign-in?next=%2Fprofile" replace />;
  const user = me.data.user;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('account.profileTitle')}
      </Typography.Title>
      <Card title={user.name}>
        <Typography.Paragraph>{user.email}</Typography.Paragraph>
        {user.emailVerified ? (
          <Tag color="green">{t('account.verified')}</Tag>
        ) : (
          <Flex vertical gap={8}>
            <Alert type="warning" showIcon title={t('account.unverified')} />
            <ActionForm
              name="resend-verification"
              label={t('account.resend')}
              button={{ size: 'small' }}
              mutationFn={() => sendVerificationEmail(user.email)}
              onSuccess={() => message.success(t('account.resent'))}
            />
          </Flex>
        )}
      </Card>
      <Card title={t('account.passwordTitle')}>
        <ChangePasswordForm withCode={twoFactorOn} />
      </Card>
      <Card title={t('twoFactor.manage')} extra={<Link to="/two-factor">{twoFactorOn ? t('twoFactor.disableTitle') : t('twoFactor.start')}</Link>}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{twoFactorOn ? t('twoFactor.on') : t('twoFactor.off')}</Typography.Paragraph>
      </Card>
      <Card title={t('account.emailTitle')}>
        <ChangeEmailForm />
      </Card>
      <SessionsCard currentSessionId={current.data?.session.id} />
    </Flex>
  );
}

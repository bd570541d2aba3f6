import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../auth/safe-next';
import { useMe } from '../auth/use-me';
import { PageError, PageLoading } from '../layout/page-states';
import { BackupCodes } from './backup-codes';
import { DisableTwoFactorForm } from './disable-two-factor.form';
import { EnrolForm } from './enrol.form';
import { sessionQueryKey, useSessionAccount } from './use-two-factor-state';

/**
 * The signed-in person's second factor: enrol an authenticator app (QR code, key, first
 * code, backup codes once) or turn it off. A hub that requires it sends people here with
 * `hub` and `next`.
 */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const session = useSessionAccount(Boolean(me.data));
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  const next = params.has('next') ? safeNext(params.get('next')) : null;
  const requiredBy = params.get('hub');

  if (me.isPending || (me.data && session.isPending)) return <PageLoading />;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent('/two-factor')}`} replace />;
  if (session.isError) return <PageError error={session.error} onRetry={() => void session.refetch()} />;
  const on = session.data?.user.twoFactorEnabled === true;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: sessionQueryKey });
    // Not merely stale: a hub page must not act on the old "must enrol" while it refetches.
    client.removeQueries({ queryKey: ['capabilities'] });
  };

  return (
    <Card style={{ maxWidth: 640, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('twoFactor.title')}
      </Typography.Title>
      {requiredBy && !on && <Alert type="info" showIcon title={t('twoFactor.requiredByHub')} style={{ marginBottom: 16 }} />}
      {backupCodes ? (
        <BackupCodes
          codes={backupCodes}
          onDone={() => {
            setBackupCodes(null);
            if (next) navigate(next, { replace: true });
          }}
        />
      ) : on ? (
        <>
          <Alert type="success" showIcon title={t('twoFactor.on')} style={{ marginBottom: 16 }} />
          {next && (
            <Button type="primary" onClick={() => navigate(next, { replace: true })} style={{ marginBottom: 16 }}>
              {t('twoFactor.continue')}
            </Button>
          )}
          <DisableTwoFactorForm
            onDisabled={async () => {
              message.success(t('twoFactor.disabled'));
              await refresh();
            }}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('twoFactor.intro')}</Typography.Paragraph>
          <EnrolForm
            onEnrolled={async (codes) => {
              setBackupCodes(codes);
              message.success(t('twoFactor.enabled'));
              await refresh();
            }}
          />
        </>
      )}
    </Card>
  );
}

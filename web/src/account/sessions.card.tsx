import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSessions, revokeOtherSessions, type SessionInfo } from '../api/account.api';
import { useErrorText } from '../errors/use-error-text';
import { useLocale } from '../i18n/locale-context';

export const sessionsQueryKey = ['sessions'] as const;

/** Where the person is signed in, and a button to sign out everywhere else. */
export function SessionsCard({ currentSessionId }: { currentSessionId: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const describe = useErrorText();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: listSessions });
  const signOutOthers = useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: async () => {
      message.success(t('account.othersSignedOut'));
      await client.invalidateQueries({ queryKey: sessionsQueryKey });
    },
    onError: (error) => message.error(describe(error)),
  });
  const date = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card
      title={t('account.sessionsTitle')}
      extra={
        <Button danger loading={signOutOthers.isPending} onClick={() => signOutOthers.mutate()}>
          {t('account.signOutOthers')}
        </Button>
      }
    >
      <Table<SessionInfo>
        rowKey="id"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('account.sessionStarted'), render: (_, s) => date(s.createdAt) },
          { title: t('account.sessionSeen'), render: (_, s) => date(s.updatedAt) },
          {
            title: t('account.sessionDevice'),
            render: (_, s) => (
              <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                {s.userAgent || t('account.unknownDevice')}
              </Typography.Text>
            ),
          },
          { title: t('account.sessionAddress'), render: (_, s) => s.ipAddress ?? '' },
          { title: '', render: (_, s) => (s.id === currentSessionId ? <Tag color="blue">{t('account.thisSession')}</Tag> : null) },
        ]}
      />
    </Card>
  );
}

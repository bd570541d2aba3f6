import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSessions, revokeOtherSessions, type SessionInfo } from '../api/account.api';
import { ActionForm } from '../forms/action-form';
import { useLocale } from '../i18n/locale-context';

export const sessionsQueryKey = ['sessions'] as const;

/** Where the person is signed in, and a button to sign out everywhere else (an action on the one form pattern). */
export function SessionsCard({ currentSessionId }: { currentSessionId: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: listSessions });
  const date = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card title={t('account.sessionsTitle')}>
      <div style={{ marginBottom: 16 }}>
        <ActionForm
          name="sign-out-others"
          label={t('account.signOutOthers')}
          button={{ danger: true }}
          mutationFn={() => revokeOtherSessions()}
          onSuccess={async () => {
            message.success(t('account.othersSignedOut'));
            await client.invalidateQueries({ queryKey: sessionsQueryKey });
          }}
        />
      </div>
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

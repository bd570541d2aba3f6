import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSessions, revokeOtherSessions, type SessionInfo } from '../api/account.api';
import { ActionForm } from '../forms/action-form';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { readUserAgent } from './user-agent';

export const sessionsQueryKey = ['sessions'] as const;

/**
 * Where the person is signed in (the device as people name it, "Chrome · Linux"; this session
 * marked), and a button to sign out everywhere else (an action on the one form pattern).
 */
export function SessionsCard({ currentSessionId }: { currentSessionId: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: listSessions });
  const device = useDeviceName();
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
        size="small"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('account.sessionDevice'),
            render: (_, s) => (
              <Flex wrap gap={4} align="center">
                {device(s.userAgent)}
                {s.id === currentSessionId && <Tag color="blue">{t('account.thisSession')}</Tag>}
              </Flex>
            ),
          },
          { title: t('account.sessionStarted'), render: (_, s) => formatMoment(s.createdAt, locale) },
          { title: t('account.sessionSeen'), render: (_, s) => formatMoment(s.updatedAt, locale) },
          { title: t('account.sessionAddress'), render: (_, s) => s.ipAddress ?? '' },
        ]}
      />
    </Card>
  );
}

/** A session's device as people name it: "Chrome · Linux", "微信 · Android"; what it cannot tell, an unknown device. */
function useDeviceName(): (userAgent: string | null | undefined) => string {
  const { t } = useTranslation();
  return (userAgent) => {
    const { browser, system } = readUserAgent(userAgent);
    const parts = [browser && t(`account.browsers.${browser}`), system && t(`account.systems.${system}`)].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : t('account.unknownDevice');
  };
}

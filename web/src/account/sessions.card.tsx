import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSessions, revokeOtherSessions, type SessionInfo } from '../api/account.api';
import { ActionForm } from '../forms/action-form';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import { PartError } from '../layout/page-states';
import { EndSessionForm } from './end-session.form';
import { readUserAgent } from './user-agent';

export const sessionsQueryKey = ['sessions'] as const;

/**
 * Where the person is signed in, as a list that fits a phone: the device as people name it
 * ("Chrome · Linux"; this session first and marked), when it began, was last active and from
 * which address; each other session can be signed out on its own, and all of them at once
 * after a confirm (actions on the one form pattern).
 */
export function SessionsCard({ currentSessionId }: { currentSessionId: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: listSessions });
  const device = useDeviceName();
  const refresh = () => client.invalidateQueries({ queryKey: sessionsQueryKey });
  const items = [...(sessions.data ?? [])].sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId));
  const labelled = (label: string, value: string) => t('punct.labelledValue', { label, value });
  const details = (s: SessionInfo) =>
    [
      labelled(t('account.sessionStarted'), formatMoment(s.createdAt, locale)),
      labelled(t('account.sessionSeen'), formatMoment(s.updatedAt, locale)),
      s.ipAddress ? labelled(t('account.sessionAddress'), s.ipAddress) : null,
    ].filter(Boolean);
  return (
    <Card title={t('account.sessionsTitle')} loading={sessions.isPending}>
      <div style={{ marginBottom: 8 }}>
        <ActionForm
          name="sign-out-others"
          label={t('account.signOutOthers')}
          button={{ danger: true }}
          confirm={{ title: t('account.signOutOthersConfirm'), okText: t('account.signOutOthers'), danger: true }}
          mutationFn={() => revokeOtherSessions()}
          onSuccess={async () => {
            message.success(t('account.othersSignedOut'));
            await refresh();
          }}
        />
      </div>
      {sessions.isError && <PartError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      <ItemList
        aria-label={t('account.sessionsTitle')}
        items={items}
        renderItem={(s) => (
          <ListItem
            key={s.id}
            actions={
              s.id === currentSessionId
                ? []
                : [<EndSessionForm key="end" id={s.id} device={device(s.userAgent)} seen={formatMoment(s.updatedAt, locale)} onDone={refresh} />]
            }
          >
            <ListItemMeta
              title={
                <Flex wrap gap={4} align="center">
                  {device(s.userAgent)}
                  {s.id === currentSessionId && <Tag color="blue">{t('account.thisSession')}</Tag>}
                </Flex>
              }
              description={
                <Flex vertical>
                  {details(s).map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </Flex>
              }
            />
          </ListItem>
        )}
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

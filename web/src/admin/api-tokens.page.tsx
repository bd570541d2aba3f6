import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { listApiTokens, revokeApiToken, type ApiToken } from '../api/api-tokens.api';
import { ActionForm } from '../forms/action-form';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { PageError, PageLoading } from '../layout/page-states';
import { useCursorList } from '../layout/use-cursor-list';
import { NewTokenModal } from './new-token.modal';
import { formatMoment } from '../i18n/format-date';

const STATUS_COLOR = { active: 'green', expired: 'default', revoked: 'red' } as const;

/** Hub admins: the hub's API tokens for machine clients; a new token's secret is shown once. */
export function ApiTokensPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['hubs', hub, 'api-tokens'];
  const tokens = useCursorList(key, (next) => listApiTokens(hub, next));
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const when = (at: string | null) => (at ? formatMoment(at, locale) : t('admin.tokens.never'));

  if (tokens.isPending) return <PageLoading />;
  if (tokens.isError) return <PageError error={tokens.error} onRetry={() => void tokens.refetch()} />;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {t('admin.tokens.title')}
        </Typography.Title>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.tokens.intro')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        dataSource={tokens.items}
        locale={{ emptyText: t('admin.tokens.empty') }}
        pagination={false}
        columns={[
          { title: t('admin.tokens.name'), dataIndex: 'name' },
          { title: t('admin.tokens.hint'), render: (_, token) => <Typography.Text code>{token.hint}</Typography.Text> },
          { title: t('admin.tokens.roles'), render: (_, token) => token.roles.map((role) => <Tag key={role}>{t(`admin.roles.${role}`)}</Tag>) },
          { title: t('admin.tokens.status'), render: (_, token) => <Tag color={STATUS_COLOR[token.status]}>{t(`admin.tokens.statuses.${token.status}`)}</Tag> },
          { title: t('admin.tokens.expiresAt'), render: (_, token) => when(token.expiresAt) },
          { title: t('admin.tokens.lastUsedAt'), render: (_, token) => when(token.lastUsedAt) },
          { title: t('admin.tokens.createdBy'), render: (_, token) => `${token.createdBy}, ${when(token.createdAt)}` },
          {
            key: 'revoke',
            render: (_, token) =>
              token.status === 'active' ? (
                <ActionForm
                  name={`revoke-${token.id}`}
                  label={t('admin.tokens.revoke')}
                  button={{ danger: true, size: 'small' }}
                  confirm={{ title: t('admin.tokens.revokeConfirm'), okText: t('admin.tokens.revoke'), danger: true }}
                  mutationFn={() => revokeApiToken(hub, token.id)}
                  onSuccess={async () => {
                    message.success(t('admin.tokens.revoked'));
                    await refresh();
                  }}
                />
              ) : null,
          },
        ]}
      />
      <LoadMore list={tokens} />
      <NewTokenModal
        hub={hub}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (made) => {
          setCreating(false);
          setSecret(made);
          await refresh();
        }}
      />
      <Modal
        open={secret !== null}
        title={t('admin.tokens.createdTitle')}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('admin.tokens.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('admin.tokens.shownOnce')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{ tooltips: [t('admin.tokens.copy'), t('admin.tokens.copied')] }}
          style={{ wordBreak: 'break-all' }}
          data-testid="new-token-secret"
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hubRoles, type HubRole } from '../../../contracts/auth';
import type { StaffMember } from '../../../contracts/staff';
import { useCapabilities } from '../auth/use-capabilities';
import { useErrorText } from '../errors/use-error-text';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { InviteStaffModal } from './invite-staff.modal';
import { useStaff, useStaffChanges, useStaffInvitations } from './use-staff';

/** The hub admin's staff desk: roles, suspensions, last sign-in and pending invitations. */
export function StaffPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const describe = useErrorText();
  const capabilities = useCapabilities(hub);
  const canManage = capabilities.data?.actions.staff.manage ?? false;
  const [search, setSearch] = useState('');
  const staff = useStaff(hub, search);
  const invitations = useStaffInvitations(hub, capabilities.data?.actions.staff.read ?? false);
  const changes = useStaffChanges(hub);
  const [inviting, setInviting] = useState(false);

  if (capabilities.isPending || staff.isPending) return <PageLoading />;
  if (!capabilities.data?.actions.staff.read) return <NotFoundPage />;
  if (staff.isError) return <PageError error={staff.error} onRetry={() => void staff.refetch()} />;

  const run = (work: Promise<unknown>) => work.catch((error: unknown) => message.error(describe(error)));
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : t('staff.never'));
  const roleName = (role: HubRole) => t(`staff.role.${role}`);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('staff.title')}
        </Typography.Title>
        {capabilities.data.actions.staff.invite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>
            {t('staff.invite')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('staff.intro')}</Typography.Paragraph>
      <Input.Search
        aria-label={t('staff.search')}
        placeholder={t('staff.search')}
        allowClear
        enterButton={t('staff.searchButton')}
        onSearch={(value) => setSearch(value.trim())}
        style={{ maxWidth: 420 }}
      />
      <Table<StaffMember>
        rowKey="userId"
        dataSource={staff.items}
        loading={staff.isFetching && !staff.isFetchingNextPage}
        locale={{ emptyText: t('staff.noneFound') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('staff.email'), dataIndex: 'email' },
          {
            title: t('staff.roles'),
            render: (_, member) => (
              <Flex wrap gap={4}>
                {member.roles.map((role) =>
                  canManage ? (
                    <Popconfirm
                      key={role}
                      title={t('staff.removeRoleConfirm', { role: roleName(role), name: member.name })}
                      onConfirm={() => run(changes.revoke.mutateAsync({ userId: member.userId, role }))}
                    >
                      <Tag closable onClose={(e) => e.preventDefault()}>
                        {roleName(role)}
                      </Tag>
                    </Popconfirm>
                  ) : (
                    <Tag key={role}>{roleName(role)}</Tag>
                  ),
                )}
                {canManage && (
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: hubRoles.filter((r) => !member.roles.includes(r)).map((role) => ({ key: role, label: roleName(role) })),
                      onClick: ({ key }) => void run(changes.grant.mutateAsync({ userId: member.userId, role: key as HubRole })),
                    }}
                  >
                    <Button size="small" type="dashed" icon={<PlusOutlined />} aria-label={`${t('staff.addRole')}: ${member.name}`}>
                      {t('staff.addRole')}
                    </Button>
                  </Dropdown>
                )}
              </Flex>
            ),
          },
          { title: t('staff.lastSignIn'), render: (_, m) => date(m.lastSignInAt) },
          {
            title: t('staff.status'),
            render: (_, m) => (m.suspended ? <Tag color="red">{t('staff.suspended')}</Tag> : <Tag color="green">{t('staff.active')}</Tag>),
          },
          {
            title: t('staff.twoFactor'),
            render: (_, m) =>
              m.twoFactor ? <Tag color="green">{t('staff.twoFactorOn')}</Tag> : <Typography.Text type="secondary">{t('staff.twoFactorOff')}</Typography.Text>,
          },
          ...(canManage
            ? [
                {
                  title: t('staff.actions'),
                  render: (_: unknown, m: StaffMember) =>
                    m.suspended ? (
                      <Button size="small" onClick={() => void run(changes.suspend.mutateAsync({ userId: m.userId, suspended: false }))}>
                        {t('staff.restore')}
                      </Button>
                    ) : (
                      <Popconfirm
                        title={t('staff.suspendConfirm', { name: m.name })}
                        onConfirm={() => run(changes.suspend.mutateAsync({ userId: m.userId, suspended: true }))}
                      >
                        <Button size="small" danger>
                          {t('staff.suspend')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore list={staff} />
      <Card title={t('staff.invitations')}>
        <Table
          rowKey="id"
          dataSource={invitations.data ?? []}
          loading={invitations.isPending && invitations.fetchStatus !== 'idle'}
          pagination={false}
          locale={{ emptyText: t('staff.noInvitations') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('staff.email'), dataIndex: 'email' },
            { title: t('staff.roles'), render: (_, i) => i.roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
            { title: t('staff.expires'), render: (_, i) => date(i.expiresAt) },
            ...(canManage
              ? [
                  {
                    title: t('staff.actions'),
                    render: (_: unknown, i: { id: string }) => (
                      <Button size="small" onClick={() => void run(changes.withdraw.mutateAsync(i.id))}>
                        {t('staff.withdraw')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <InviteStaffModal hub={hub} open={inviting} onClose={() => setInviting(false)} />
    </Flex>
  );
}
